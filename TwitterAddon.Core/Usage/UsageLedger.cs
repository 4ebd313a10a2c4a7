using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Usage;

/// <summary>
/// Counts what X bills into a context that is about to be saved, so the count commits with the work it belongs to
/// (the inbound batch, the reply's X id): once per resource per UTC day, whether it comes twice in one batch, again
/// in a later delivery, or in a replay. Costs are priced now, at the account's tier: 0 where X does not bill per use.
/// </summary>
public sealed class UsageLedger(TwitterAddonDbContext db, UsageSettings settings, AccountTier tier)
{
    private readonly Dictionary<(UsageKind Kind, string ResourceId, DateOnly Day), UsageRecord> pending = [];

    public static async Task<UsageLedger> OpenAsync(TwitterAddonDbContext db, AccountTier tier, CancellationToken cancellationToken) =>
        new(db, await db.UsageSettingsOrDefaultsAsync(cancellationToken), tier);

    public void Count(UsageKind kind, string resourceId, DateTimeOffset at)
    {
        var record = UsageRecord.Of(kind, resourceId, at, tier.PaysPerUse() ? settings.PriceOf(kind) : 0);
        pending.TryAdd((kind, resourceId, record.Day), record);
    }

    /// <summary>Adds to the context what was counted and is not recorded yet (one query for the lot).</summary>
    public async Task AddNewAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var ids = pending.Keys.Select(k => k.ResourceId).Distinct(StringComparer.Ordinal).ToList();
        var recorded = await db.UsageRecords.Where(r => ids.Contains(r.ResourceId))
            .Select(r => new { r.Kind, r.ResourceId, r.Day }).ToListAsync(cancellationToken);
        foreach (var r in recorded)
        {
            pending.Remove((r.Kind, r.ResourceId, r.Day));
        }

        db.UsageRecords.AddRange(pending.Values);
        pending.Clear();
    }
}
