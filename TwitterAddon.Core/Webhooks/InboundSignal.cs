using TwitterAddon.Core.Concurrency;

namespace TwitterAddon.Core.Webhooks;

/// <summary>New events are stored: the inbound worker looks at once.</summary>
public sealed class InboundSignal : WakeSignal;
