using TwitterAddon.Core.Concurrency;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// SQLite takes one writer at a time. Every write of this process queues here (<see cref="WriteGateInterceptor"/>
/// makes sure of it) instead of colliding on SQLite's lock, whose busy retries sleep and stall acks by seconds.
/// </summary>
public sealed class DatabaseWriteGate : AsyncGate;
