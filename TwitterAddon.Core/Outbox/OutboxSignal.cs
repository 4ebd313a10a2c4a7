using TwitterAddon.Core.Concurrency;

namespace TwitterAddon.Core.Outbox;

/// <summary>A reply is queued: <see cref="OutboxWorker"/> looks at once.</summary>
public sealed class OutboxSignal : WakeSignal;
