namespace TwitterAddon.Core.Team;

/// <summary>
/// Serializes "create the first administrator" so two browsers racing on a fresh install cannot both
/// become the first admin. One process owns the SQLite file, so an in-process lock is enough.
/// </summary>
public sealed class FirstRunGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
