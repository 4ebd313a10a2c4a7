using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Usage;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Outbox;

/// <summary>
/// The admin's side of the outbox: sending stopped by X (326 locked, 89 token) or paused by the monthly budget goes on
/// again; past a reached budget, until the month ends.
/// </summary>
public sealed partial class OutboxControl(
    IDbContextFactory<TwitterAddonDbContext> contexts,
    OutboxSignal outbox,
    SendingBudget budget,
    AccountActivityNotifier notifier,
    ILogger<OutboxControl> logger)
{
    /// <summary>After the admin fixed what X complained of: queued replies go out again.</summary>
    public async Task<Outcome> ResumeSendingAsync(string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resumed = false;
        foreach (var account in await db.XAccounts.ToListAsync(cancellationToken))
        {
            resumed |= account.Tier.PaysPerUse() && await budget.ResumeOverBudgetAsync(db, account.Tier, cancellationToken);
            resumed |= account.ResumeSending();
        }

        if (!resumed)
        {
            return Outcome.Refused("Sending is not stopped.");
        }

        await db.SaveChangesAsync(cancellationToken);
        LogSendingResumed(logger, actor);
        outbox.Raise();
        notifier.Notify();
        return Outcome.Ok;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: sending resumed by {Actor}")]
    private static partial void LogSendingResumed(ILogger logger, string actor);
}
