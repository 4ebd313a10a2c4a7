using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Usage;

/// <summary>Reads the counts back for the Usage page, the budget lines on Setup and Home, and the reply box's price.</summary>
public sealed class UsageReport(IDbContextFactory<TwitterAddonDbContext> contexts, SendingBudget budget, TimeProvider clock)
{
    public const int ChartDays = 30;

    public async Task<UsageSummary> SummarizeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tier = await TierAsync(db, cancellationToken);
        var today = UsageMonth.Today(clock);
        var monthStart = UsageMonth.Of(today);
        var chartStart = today.AddDays(1 - ChartDays);
        var from = monthStart < chartStart ? monthStart : chartStart;
        // One grouped read over the covering index: at most 61 days times the kinds.
        var rows = await db.UsageRecords.Where(r => r.Day >= from)
            .GroupBy(r => new { r.Day, r.Kind })
            .Select(g => new { g.Key.Day, g.Key.Kind, Count = g.LongCount(), Cost = g.Sum(r => r.CostMicros) })
            .ToListAsync(cancellationToken);
        var amounts = rows.ToDictionary(r => (r.Day, r.Kind), r => new UsageAmount(r.Count, r.Cost));
        UsageAmount Sum(UsageKind kind, DateOnly start) =>
            amounts.Where(a => a.Key.Kind == kind && a.Key.Day >= start && a.Key.Day <= today).Aggregate(default(UsageAmount), (s, a) => s + a.Value);

        var settings = await db.UsageSettingsOrDefaultsAsync(cancellationToken);
        var lines = UsageKinds.All
            .Select(kind => new UsageLine(kind, settings.PriceOf(kind), Sum(kind, today), Sum(kind, monthStart), Sum(kind, chartStart)))
            .ToList();
        var days = Enumerable.Range(0, ChartDays).Select(i => chartStart.AddDays(i))
            .Select(day => new UsageDay(day, UsageKinds.All.ToDictionary(k => k, k => amounts.GetValueOrDefault((day, k)))))
            .ToList();
        return new UsageSummary(tier?.PaysPerUse() == true, today, lines, days, settings, await budget.StatusAsync(db, tier, cancellationToken));
    }

    /// <summary>This month against the budget, for the connected account.</summary>
    public async Task<BudgetStatus> BudgetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await budget.StatusAsync(db, await TierAsync(db, cancellationToken), cancellationToken);
    }

    /// <summary>The prices a reply box counts with, or null when the account does not pay per use (no price to show).</summary>
    public async Task<UsageSettings?> ReplyPricesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await TierAsync(db, cancellationToken))?.PaysPerUse() == true ? await db.UsageSettingsOrDefaultsAsync(cancellationToken) : null;
    }

    private static async Task<AccountTier?> TierAsync(TwitterAddonDbContext db, CancellationToken cancellationToken) =>
        await db.XAccounts.Select(a => (AccountTier?)a.Tier).FirstOrDefaultAsync(cancellationToken);
}
