using TwitterAddon.Core.Concurrency;

namespace TwitterAddon.Core.Inbound;

/// <summary>New events are stored: <see cref="InboundWorker"/> looks at once.</summary>
public sealed class InboundSignal : WakeSignal;
