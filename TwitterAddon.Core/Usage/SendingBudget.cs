using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Usage;

/// <summary>
/// The monthly budget's one rule: a pay-per-use account whose month has reached its budget pauses sending until an
/// admin resumes it; it sends again by itself when the budget is raised above the spend or a new month begins.
/// </summary>
public sealed class SendingBudget(TimeProvider clock)
{
    public async Task<BudgetStatus> StatusAsync(TwitterAddonDbContext db, AccountTier? tier, CancellationToken cancellationToken)
    {
        var settings = await db.UsageSettingsOrDefaultsAsync(cancellationToken);
        var today = UsageMonth.Today(clock);
        if (tier?.PaysPerUse() != true || settings.MonthlyBudgetMicros is null)
        {
            return new BudgetStatus(tier?.PaysPerUse() == true, settings.MonthlyBudgetMicros, 0, false);
        }

        var monthStart = UsageMonth.Of(today);
        var spent = await db.UsageRecords.Where(r => r.Day >= monthStart).SumAsync(r => r.CostMicros, cancellationToken);
        return new BudgetStatus(true, settings.MonthlyBudgetMicros, spent, settings.ResumedOverBudgetDuring(today));
    }

    /// <summary>Pauses or resumes the tracked accounts by the rule; true when one changed (the caller saves).</summary>
    public async Task<bool> ApplyAsync(TwitterAddonDbContext db, IEnumerable<XAccount> accounts, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var account in accounts.Where(a => a.Tier.PaysPerUse() || a.SendingPausedForBudget))
        {
            var status = await StatusAsync(db, account.Tier, cancellationToken);
            changed |= status.PausesSending
                ? account.PauseSendingForBudget(status.PauseReason + " An admin can resume sending on Setup.")
                : account.SendingPausedForBudget && account.ResumeSending();
        }

        return changed;
    }

    /// <summary>An admin's Resume sending: past a reached budget, for the rest of the month. False when it was not reached.</summary>
    public async Task<bool> ResumeOverBudgetAsync(TwitterAddonDbContext db, AccountTier tier, CancellationToken cancellationToken)
    {
        if (!(await StatusAsync(db, tier, cancellationToken)).IsReached)
        {
            return false;
        }

        (await db.UsageSettingsToChangeAsync(cancellationToken)).ResumeOverBudget(UsageMonth.Today(clock));
        return true;
    }
}
