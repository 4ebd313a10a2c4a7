using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.LoadTest;

/// <summary>
/// Reads the host's database directly, through Core's own model (so the stored encodings are never written
/// twice): what is pending, and which DM ids reached the inbox.
/// </summary>
internal static class InboxCheck
{
    public static async Task<long> PendingAsync(LoadDatabase database)
    {
        await using var db = Open(database);
        return await db.InboundEvents.LongCountAsync(e => e.Status == InboundEventStatus.Pending);
    }

    public static async Task<long> MessagesAsync(LoadDatabase database)
    {
        await using var db = Open(database);
        return await db.Messages.LongCountAsync();
    }

    /// <summary>Waits for the worker to drain; returns the seconds it took.</summary>
    public static async Task<double> WaitDrainedAsync(LoadDatabase database, TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (await PendingAsync(database) > 0 && started.Elapsed < timeout)
        {
            await Task.Delay(200);
        }

        return started.Elapsed.TotalSeconds;
    }

    /// <summary>How many times each X id appears among the messages.</summary>
    public static async Task<Dictionary<string, int>> MessageIdCountsAsync(LoadDatabase database)
    {
        await using var db = Open(database);
        return await db.Messages.Where(m => m.XId != null).GroupBy(m => m.XId!)
            .Select(g => new { XId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.XId, g => g.Count, StringComparer.Ordinal);
    }

    private static TwitterAddonDbContext Open(LoadDatabase database) => new(database.ReadOptions);
}
