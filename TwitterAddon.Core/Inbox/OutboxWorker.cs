using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Concurrency;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// Posts queued replies through the X client, one at a time in the order they were sent. Each attempt is
/// recorded as "sending" before X is called, so after a crash or a timeout the outcome counts as unknown:
/// a tweet is sent again (X's 187 then proves it was posted), a DM waits for its echo first. Every X id is
/// recorded, so the webhook echo is matched to the reply, not imported. 326/89 stop the account's sending.
/// </summary>
public sealed partial class OutboxWorker(
    IDbContextFactory<TwitterAddonDbContext> contexts,
    DatabaseWriteGate writeGate,
    IXApi x,
    SecretProtector secrets,
    OutboxSignal signal,
    InboxNotifier inboxNotifier,
    AccountActivityNotifier accountNotifier,
    TimeProvider clock,
    ILogger<OutboxWorker> logger) : DrainingWorker(signal, PollInterval, logger)
{
    public const int MaxAttempts = 6;

    /// <summary>How long a DM whose send timed out waits for its echo before it is sent again.</summary>
    public static readonly TimeSpan EchoGrace = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>Sends what is due now; returns how many replies it tried.</summary>
    public override async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var stopped = await db.XAccounts.Where(a => a.SendingStoppedReason != null).Select(a => a.UserId).ToListAsync(cancellationToken);
            due = await db.Messages
                .Where(m => (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sending)
                    && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && !stopped.Contains(m.Conversation.AccountUserId))
                .OrderBy(m => m.Id).Select(m => m.Id).Take(20).ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            await SendAsync(id, cancellationToken);
            inboxNotifier.Notify();
        }

        return due.Count;
    }

    private async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.Include(m => m.Conversation).ThenInclude(c => c.Contact).FirstAsync(m => m.Id == id, cancellationToken);
        var account = await db.XAccounts.FirstOrDefaultAsync(a => a.UserId == message.Conversation.AccountUserId, cancellationToken);
        if (account is null || secrets.CredentialsOf(account) is not { } credentials)
        {
            Fail(message, account is null
                ? "The X account is disconnected: connect it again on the Setup page, then retry."
                : "The stored keys cannot be decrypted: reconnect the account on the Setup page, then retry.");
            await SaveAsync(db, cancellationToken);
            return;
        }

        // "Sending" found here means an earlier attempt's outcome is unknown (timeout, or the host died mid-call).
        var resend = message.Status == MessageStatus.Sending;
        var now = clock.GetUtcNow();
        (message.Status, message.NextAttemptAt) = (MessageStatus.Sending, now + EchoGrace);
        message.Attempts++;
        if (!await SaveAsync(db, cancellationToken))
        {
            return;
        }

        try
        {
            var xId = message.Conversation.Kind == ChannelKind.DirectMessage
                ? (await x.SendDirectMessageAsync(credentials, message.Conversation.Contact.XUserId, message.Text, cancellationToken)).Id
                    ?? throw new XApiException("X accepted the DM but sent no event id.")
                : (await x.PostReplyAsync(credentials, message.Text, message.InReplyToTweetId!, cancellationToken)).IdStr;
            await RecordSentAsync(db, message, xId, cancellationToken);
        }
        catch (XApiException e)
        {
            Handle(message, account, e, resend, now);
            await SaveAsync(db, cancellationToken);
        }
    }

    /// <summary>
    /// X's id goes on the reply in one statement, whatever the echo did meanwhile: a reply the echo already
    /// confirmed stays delivered, and an echo imported as "sent elsewhere" before we knew the id is removed.
    /// </summary>
    private async Task RecordSentAsync(TwitterAddonDbContext db, Message message, string xId, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var imported = await db.Messages.Where(m => m.XId == xId && m.Id != message.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Messages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.XId, xId).SetProperty(m => m.Error, (string?)null).SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(m => m.Status, m => imported > 0 || m.Status == MessageStatus.Delivered ? MessageStatus.Delivered : MessageStatus.Sent),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private void Handle(Message message, XAccount account, XApiException e, bool resend, DateTimeOffset now)
    {
        if (e.Has(XErrorCodes.AccountLocked) || e.Has(XErrorCodes.InvalidOrExpiredToken))
        {
            // Not the reply's fault: it waits, queued, until an admin resumes sending for the account.
            account.SendingStoppedReason = $"{XErrorCodes.Advice(e.Code!.Value)} (X said {e.Code})";
            (message.Status, message.Error, message.NextAttemptAt) = (MessageStatus.Queued, "Waiting: " + account.SendingStoppedReason, null);
            message.Attempts--;
            accountNotifier.Notify();
            LogSendingStopped(logger, account.ScreenName, e.Code.Value);
            return;
        }

        if (resend && e.Has(XErrorCodes.DuplicateStatus))
        {
            // The attempt that timed out did post it: X refuses the same text again. Its echo brings the id.
            (message.Status, message.Error, message.NextAttemptAt) = (MessageStatus.Sent, null, null);
            return;
        }

        if (e.HttpStatus == 429)
        {
            (message.Status, message.NextAttemptAt) = (MessageStatus.Queued, e.RateLimitReset ?? now.AddMinutes(1));
            message.Attempts--;
            return;
        }

        var transient = e.HttpStatus == 0 || e.HttpStatus >= 500;
        if (transient && message.Attempts < MaxAttempts)
        {
            // Unknown outcome: a DM waits for its echo (no duplicate check on X), a tweet can rely on 187.
            var unknown = e.OutcomeUnknown;
            message.Status = unknown ? MessageStatus.Sending : MessageStatus.Queued;
            message.NextAttemptAt = unknown && message.Conversation.Kind == ChannelKind.DirectMessage ? now + EchoGrace : now + Backoff(message.Attempts);
            message.Error = $"Retrying: {(e.HttpStatus == 0 ? "X did not answer" : $"X answered HTTP {e.HttpStatus}")} (attempt {message.Attempts} of {MaxAttempts}).";
            return;
        }

        Fail(message, e.Code is { } code
            ? $"{XErrorCodes.Advice(code)} (X said {code}: {e.Errors[0].Message})"
            : e.HttpStatus == 0 ? $"X could not be reached after {message.Attempts} attempts." : $"X kept answering HTTP {e.HttpStatus} after {message.Attempts} attempts.");
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempts)));

    private static void Fail(Message message, string reason) =>
        (message.Status, message.Error, message.NextAttemptAt) = (MessageStatus.Failed, reason, null);

    /// <summary>False when the reply's status changed since it was read (its echo confirmed it): that newer state stands.</summary>
    private async Task<bool> SaveAsync(TwitterAddonDbContext db, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
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
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending stopped for @{ScreenName}: X answered {Code}")]
    private static partial void LogSendingStopped(ILogger logger, string screenName, int code);
}
