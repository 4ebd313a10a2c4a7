namespace TwitterAddon.Core.Persistence;

/// <summary>
/// The gate held by one context: a SaveChanges or a transaction takes it once, and the commands it runs
/// inside need not take it again (they could not: the gate is not re-entrant).
/// </summary>
internal sealed class WriteGateHold
{
    private readonly Lock sync = new();
    private IDisposable? held;
    private int depth;

    /// <summary>Takes the gate unless this context already holds it; every call needs one <see cref="Exit"/>.</summary>
    public async ValueTask EnterAsync(DatabaseWriteGate gate, CancellationToken cancellationToken)
    {
        if (TryNest())
        {
            return;
        }

        Hold(await gate.EnterAsync(cancellationToken));
    }

    public void Enter(DatabaseWriteGate gate)
    {
        if (TryNest())
        {
            return;
        }

        Hold(gate.Enter());
    }

    public void Exit()
    {
        IDisposable? release = null;
        lock (sync)
        {
            if (depth > 0 && --depth == 0)
            {
                (release, held) = (held, null);
            }
        }

        release?.Dispose();
    }

    /// <summary>The context is going away: whatever it still holds (a transaction never committed) is let go.</summary>
    public void ReleaseAll()
    {
        IDisposable? release;
        lock (sync)
        {
            (release, held, depth) = (held, null, 0);
        }

        release?.Dispose();
    }

    private bool TryNest()
    {
        lock (sync)
        {
            if (depth == 0)
            {
                return false;
            }

            depth++;
            return true;
        }
    }

    private void Hold(IDisposable release)
    {
        lock (sync)
        {
            (held, depth) = (release, 1);
        }
    }
}
