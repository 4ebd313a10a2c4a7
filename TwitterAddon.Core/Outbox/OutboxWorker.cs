using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Concurrency;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Usage;

namespace TwitterAddon.Core.Outbox;

/// <summary>
/// Posts queued replies through the X client, one at a time in the order they were sent. Each attempt is
/// recorded as "sending" before X is called, so after a crash or a timeout the outcome counts as unknown and
/// <see cref="RetryPolicy"/> reconciles it before anything is sent again. Every X id is recorded, so the
/// webhook echo is matched to the reply, not imported. 326/89 stop the account's sending.
/// </summary>
public sealed partial class OutboxWorker(
    IDbContextFactory<TwitterAddonDbContext> contexts,
    WorkerLeases leases,
    XSender x,
    SecretProtector secrets,
    OutboxSignal signal,
    SendingBudget budget,
    InboxNotifier inboxNotifier,
    AccountActivityNotifier accountNotifier,
    TimeProvider clock,
    ILogger<OutboxWorker> logger) : DrainingWorker(signal, PollInterval, clock, logger)
{
    /// <summary>The <see cref="WorkerLease"/> of the one instance that sends the replies.</summary>
    public const string LeaseName = "outbox";

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>Sends what is due now; returns how many replies it tried.</summary>
    public override async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.HoldAsync(LeaseName, cancellationToken))
        {
            // Another instance sends the replies; this one takes over if it stops renewing.
            return 0;
        }

        var now = Clock.GetUtcNow();
        List<(long Id, int ConversationId)> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var accounts = await db.XAccounts.ToListAsync(cancellationToken);
            await ApplyBudgetAsync(db, accounts, cancellationToken);
            var stopped = accounts.Where(a => a.SendingStoppedReason != null).Select(a => a.UserId).ToList();
            var rows = await DueReplies.Of(db.Messages, now, stopped)
                .Select(m => new { m.Id, m.ConversationId }).Take(20).ToListAsync(cancellationToken);
            due = rows.ConvertAll(m => (m.Id, m.ConversationId));
        }

        foreach (var (id, conversationId) in due)
        {
            // A round may take minutes (X's rate limits): it stops if this instance no longer holds the outbox.
            if (!await leases.HoldAsync(LeaseName, cancellationToken))
            {
                break;
            }

            await SendAsync(id, cancellationToken);
            inboxNotifier.ConversationChanged(conversationId);
        }

        return due.Count;
    }

    private async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.Include(m => m.Conversation).ThenInclude(c => c.Contact).FirstAsync(m => m.Id == id, cancellationToken);
        if (!DueReplies.IsDue(message, Clock.GetUtcNow()))
        {
            // Sent, or begun again, since the round read it (by another instance once, or the echo): no longer due.
            return;
        }

        var account = await db.XAccounts.FirstOrDefaultAsync(a => a.UserId == message.Conversation.AccountUserId, cancellationToken);
        if (account?.SendingStoppedReason is not null || (account is not null && await ApplyBudgetAsync(db, [account], cancellationToken)))
        {
            // Stopped since the batch was read (X's 326 on an earlier reply, or the budget just now): it waits, queued.
            return;
        }

        if (account is null || secrets.CredentialsOf(account) is not { } credentials)
        {
            message.Fail(account is null
                ? "The X account is disconnected: connect it again on the Setup page, then retry."
                : "The stored keys cannot be decrypted: reconnect the account on the Setup page, then retry.");
            await TrySaveAsync(db, cancellationToken);
            return;
        }

        var resend = message.BeginAttempt(Clock.GetUtcNow(), RetryPolicy.Backoff(message.Attempts + 1));
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return;
        }

        // An earlier attempt may have reached X (a timeout, or a crash mid-send): X's DM history settles it before a DM
        // is sent twice. Until it does, the reply stays "sending", whatever happens to the lookup.
        if (resend && message.Conversation.Kind == ChannelKind.DirectMessage)
        {
            var (found, wait) = await LookUpBeforeResendAsync(db, credentials, account, message, cancellationToken);
            if (found is not null)
            {
                await RecordSentAsync(db, account, message, found, cancellationToken);
                return;
            }

            if (wait is not null)
            {
                Apply(wait, message, account);
                await TrySaveAsync(db, cancellationToken);
                return;
            }
        }

        try
        {
            await RecordSentAsync(db, account, message, await x.SendAsync(account.Tier, credentials, message, cancellationToken), cancellationToken);
        }
        catch (XApiException e)
        {
            var step = RetryPolicy.Decide(message.Attempts, resend, SendFailure.From(e), Clock.GetUtcNow());
            Apply(step, message, account);
            await TrySaveAsync(db, cancellationToken);
        }
    }

    /// <summary>
    /// The id X gave the DM, when its history has it; else the step to take instead of sending (the lookup failed, or
    /// could not see back far enough); neither when X surely does not have it and it may be sent.
    /// </summary>
    private async Task<(string? FoundId, SendStep? Wait)> LookUpBeforeResendAsync(
        TwitterAddonDbContext db, Twitter.OAuth.OAuthCredentials credentials, XAccount account, Message message, CancellationToken cancellationToken)
    {
        try
        {
            var history = await FindSentAsync(db, credentials, account, message, cancellationToken);
            return (history.FoundId, history.FoundId is null && !history.Conclusive ? RetryPolicy.HistoryUnclear(message.Attempts, Clock.GetUtcNow()) : null);
        }
        catch (XApiException e)
        {
            return (null, RetryPolicy.DecideLookup(message.Attempts, SendFailure.From(e), Clock.GetUtcNow()));
        }
    }

    private async Task<DmHistoryAnswer> FindSentAsync(
        TwitterAddonDbContext db, Twitter.OAuth.OAuthCredentials credentials, XAccount account, Message reply, CancellationToken cancellationToken)
    {
        var known = (await db.Messages.Where(m => m.ConversationId == reply.ConversationId && m.XId != null).Select(m => m.XId!)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var answer = await x.FindSentDirectMessageAsync(account.Tier, credentials, account.UserId, reply, known, cancellationToken);
        if (answer.FoundId is { } found)
        {
            LogFoundInHistory(logger, reply.Id, found);
        }

        return answer;
    }

    private void Apply(SendStep step, Message message, XAccount account)
    {
        switch (step)
        {
            case SendStep.StopAccount stop:
                account.StopSending(stop.Reason);
                message.WaitForResume(stop.Reason);
                accountNotifier.Notify();
                LogSendingStopped(logger, account.ScreenName, stop.Reason);
                break;
            case SendStep.AlreadyPosted:
                message.MarkPosted();
                break;
            case SendStep.WaitForRateLimit wait:
                message.WaitForRateLimit(wait.Until);
                break;
            case SendStep.RetryLater retry:
                message.ScheduleRetry(retry.At, retry.OutcomeUnknown, retry.Note);
                break;
            case SendStep.GiveUp giveUp:
                message.Fail(giveUp.Reason);
                break;
        }
    }

    /// <summary>The monthly budget pauses or frees the accounts (<see cref="SendingBudget"/>); true when one changed, saved.</summary>
    private async Task<bool> ApplyBudgetAsync(TwitterAddonDbContext db, IReadOnlyList<XAccount> accounts, CancellationToken cancellationToken)
    {
        if (!await budget.ApplyAsync(db, accounts, cancellationToken) || !await TrySaveAsync(db, cancellationToken))
        {
            return false;
        }

        accountNotifier.Notify();
        return true;
    }

    /// <summary>
    /// X's id goes on the reply, whatever the echo did meanwhile: a reply the echo already confirmed stays
    /// delivered, and an echo imported as "sent elsewhere" before we knew the id is removed, in the same save, as is
    /// what X bills for it.
    /// </summary>
    private static async Task RecordSentAsync(TwitterAddonDbContext db, XAccount account, Message message, string xId, CancellationToken cancellationToken)
    {
        var usage = await UsageLedger.OpenAsync(db, account.Tier, cancellationToken);
        usage.Count(ReplyPrice.KindOf(message.Conversation.Kind, message.Text), xId, message.At);
        await usage.AddNewAsync(cancellationToken);
        for (var tries = 0; ; tries++)
        {
            var imported = await db.Messages.FirstOrDefaultAsync(m => m.XId == xId && m.Id != message.Id, cancellationToken);
            if (imported is not null)
            {
                db.Messages.Remove(imported);
            }

            message.RecordSent(xId, echoSeen: imported is not null);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (tries < 3)
            {
                // The echo moved the reply meanwhile: read its new state and record the id on that.
                await db.Entry(message).ReloadAsync(cancellationToken);
            }
        }
    }

    /// <summary>False when the reply's status changed since it was read (its echo confirmed it): that newer state stands.</summary>
    private static async Task<bool> TrySaveAsync(TwitterAddonDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {MessageId} was on X already (DM {XId} in the history): not sent again")]
    private static partial void LogFoundInHistory(ILogger logger, long messageId, string xId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending stopped for @{ScreenName}: {Reason}")]
    private static partial void LogSendingStopped(ILogger logger, string screenName, string reason);
}
