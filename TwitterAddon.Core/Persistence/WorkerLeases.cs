using Microsoft.EntityFrameworkCore;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Takes and renews <see cref="WorkerLease"/>s for this instance. Several instances on one PostgreSQL database each run
/// every worker, but only the lease holder drains the inbound events or the outbox: one at a time keeps both in arrival
/// order, as in one process. A holder that dies stops renewing and another instance takes over once
/// <see cref="Duration"/> has passed. Should two ever overlap (a holder paused past its lease, clocks apart), the rows'
/// own concurrency checks (an event's status, a reply's attempt count) let only one of them commit the work.
/// On SQLite there is one process, and it always holds the lease.
/// </summary>
public sealed class WorkerLeases(IDbContextFactory<TwitterAddonDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    // Renewed when less than this is left: one small write every 5 s while the worker is busy, none while it holds.
    private static readonly TimeSpan RenewWhenLeft = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, DateTimeOffset> heldUntil = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>This instance, as the leases name it: machine, process and a random part (a restarted process is another holder).</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>True when this instance holds the named lease (taken or renewed now if it had to be).</summary>
    public async Task<bool> HoldAsync(string name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (heldUntil.TryGetValue(name, out var until) && until - now > RenewWhenLeft)
            {
                return true;
            }
        }

        var newUntil = now + Duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement on both providers: insert the lease, or take it over when it is ours or has run out.
        var taken = await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "WorkerLeases" ("Name", "Holder", "Until") VALUES ({0}, {1}, {2})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "Until" = excluded."Until"
            WHERE "WorkerLeases"."Holder" = excluded."Holder" OR "WorkerLeases"."Until" < {3}
            """,
            [name, Holder, newUntil.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()], cancellationToken) == 1;
        lock (gate)
        {
            heldUntil[name] = taken ? newUntil : DateTimeOffset.MinValue;
        }

        return taken;
    }
}
