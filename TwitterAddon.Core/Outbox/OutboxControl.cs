using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Outbox;

/// <summary>The admin's side of the outbox: sending stopped by X (326 locked, 89 token) goes on again.</summary>
public sealed partial class OutboxControl(
    IDbContextFactory<TwitterAddonDbContext> contexts, OutboxSignal outbox, AccountActivityNotifier notifier, ILogger<OutboxControl> logger)
{
    /// <summary>After the admin fixed what X complained of: queued replies go out again.</summary>
    public async Task<Outcome> ResumeSendingAsync(string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stopped = await db.XAccounts.Where(a => a.SendingStoppedReason != null).ToListAsync(cancellationToken);
        if (stopped.Count == 0)
        {
            return Outcome.Refused("Sending is not stopped.");
        }

        foreach (var account in stopped)
        {
            account.ResumeSending();
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
