using Microsoft.EntityFrameworkCore;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Takes and renews <see cref="WorkerLease"/>s for this instance. Several instances on one PostgreSQL database each run
/// every worker, but only the lease holder drains the inbound events, sends the replies or looks profiles up: one at a
/// time keeps the queues in arrival order, as in one process. While this instance lives, <see cref="LeaseKeeper"/>
/// renews what it holds every few seconds (a long send to X never lets it run out); when it stops it gives them up,
/// and when it dies another instance takes over once <see cref="Duration"/> has passed. Should two ever overlap (a
/// process paused past its lease, clocks apart), the rows' own concurrency checks (an event's status, a reply's
/// attempt count) let only one of them commit the work. On SQLite there is one process: it holds every lease, at once.
/// </summary>
public sealed class WorkerLeases(IDbContextFactory<TwitterAddonDbContext> contexts, DatabaseLocation database, TimeProvider clock)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    /// <summary>How often <see cref="LeaseKeeper"/> renews the leases held.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);

    // A worker renews by itself when less than this is left (a test drives workers without the keeper).
    private static readonly TimeSpan RenewWhenLeft = TimeSpan.FromSeconds(10);

    // An instance that found a lease taken asks again after this, not at every wake-up the relay brings.
    private static readonly TimeSpan AskAgainAfter = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, DateTimeOffset> heldUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> askAgainAt = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>This instance, as the leases name it: machine, process and a random part (a restarted process is another holder).</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The process id a lease holder's name (<see cref="Holder"/>) carries, or null when it carries none.</summary>
    public static string? ProcessIdOf(string? holder) => holder?.Split(':') is [_, var processId, _] ? processId : null;

    private bool Shared => database.Provider == DatabaseProvider.PostgreSql;

    /// <summary>True when this instance holds the named lease (taken or renewed now if it had to be).</summary>
    public async Task<bool> HoldAsync(string name, CancellationToken cancellationToken)
    {
        if (!Shared)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (heldUntil.TryGetValue(name, out var until) && until - now > RenewWhenLeft)
            {
                return true;
            }

            if (askAgainAt.TryGetValue(name, out var next) && now < next)
            {
                return false;
            }
        }

        return await TakeAsync(name, now, cancellationToken);
    }

    /// <summary>True when this instance held the lease at its last renewal (the readiness check asks without a query).</summary>
    public bool Holds(string name)
    {
        if (!Shared)
        {
            return true;
        }

        lock (gate)
        {
            return heldUntil.TryGetValue(name, out var until) && until > clock.GetUtcNow();
        }
    }

    /// <summary>Renews every lease this instance holds; one it lost (it was paused too long) is let go.</summary>
    public async Task RenewHeldAsync(CancellationToken cancellationToken)
    {
        List<string> held;
        lock (gate)
        {
            held = [.. heldUntil.Keys];
        }

        foreach (var name in held)
        {
            await TakeAsync(name, clock.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Gives up this instance's leases (it is stopping): another instance takes the work over at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (!Shared)
        {
            return;
        }

        lock (gate)
        {
            heldUntil.Clear();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "WorkerLeases" WHERE "Holder" = {0}""", [Holder], cancellationToken);
    }

    private async Task<bool> TakeAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var newUntil = now + Duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement: insert the lease, or take it over when it is ours or has run out.
        var taken = await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "WorkerLeases" ("Name", "Holder", "Until") VALUES ({0}, {1}, {2})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "Until" = excluded."Until"
            WHERE "WorkerLeases"."Holder" = excluded."Holder" OR "WorkerLeases"."Until" < {3}
            """,
            [name, Holder, newUntil.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()], cancellationToken) == 1;
        lock (gate)
        {
            if (taken)
            {
                heldUntil[name] = newUntil;
                askAgainAt.Remove(name);
            }
            else
            {
                heldUntil.Remove(name);
                askAgainAt[name] = now + AskAgainAfter;
            }
        }

        return taken;
    }
}
