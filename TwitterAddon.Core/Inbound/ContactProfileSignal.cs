using TwitterAddon.Core.Concurrency;

namespace TwitterAddon.Core.Inbound;

/// <summary>Wakes <see cref="ContactProfileWorker"/>: the inbound worker met an author X named by id only.</summary>
public sealed class ContactProfileSignal : WakeSignal;
