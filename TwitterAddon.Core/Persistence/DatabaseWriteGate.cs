using TwitterAddon.Core.Concurrency;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// SQLite takes one writer at a time. Our busy writers (the ack path, the inbound worker, the outbox) queue
/// here, in process, instead of colliding on SQLite's lock, whose busy retries sleep and stall acks by seconds.
/// </summary>
public sealed class DatabaseWriteGate : AsyncGate;
