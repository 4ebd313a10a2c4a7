using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts.Connections;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Accounts;

/// <summary>
/// The periodic status check (x-api-v2.md 5): is our webhook valid and the account subscribed? An invalid webhook is
/// re-validated. On v2, the time the host was down or X held the webhook invalid is asked back from X with a replay
/// (at most 24 h); what arrives twice is dropped by the inbox's unique X ids.
/// </summary>
public sealed partial class AccountHealth(
    XConnections connections,
    IXApiV2 x2,
    SecretProtector protector,
    IDbContextFactory<TwitterAddonDbContext> contexts,
    AccountActivityNotifier notifier,
    TimeProvider clock,
    ILogger<AccountHealth> logger)
{
    /// <summary>X replays at most a day back (POST /2/webhooks/replay).</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(24);

    /// <param name="afterDowntime">The first check since the host started: events sent while it was down are asked back.</param>
    public async Task CheckAsync(bool afterDowntime, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.XAccounts.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null || protector.CredentialsOf(account) is not { } credentials)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var x = connections.For(account.Tier);
        var wasValid = account.WebhookValid;
        // v2 only (it can replay): the last moment we know events were arriving, read before X is asked anything.
        var lastAlive = account.Tier.UsesApiV2()
            ? new[] { account.LastCheckedAt, await db.LastEventReceivedAtAsync(account.WebhookKey, cancellationToken), account.ConnectedAt }.Max()!.Value
            : account.ConnectedAt;
        try
        {
            var ours = (await x.WebhooksAsync(credentials, account.EnvLabel, cancellationToken)).FirstOrDefault(w => w.Id == account.WebhookId);
            var valid = ours?.Valid == true;
            if (ours is { Valid: false })
            {
                valid = await TryRevalidateAsync(x, credentials, account.EnvLabel, ours.Id, cancellationToken);
            }

            if (ours is null)
            {
                account.WebhookMissing();
            }
            else
            {
                account.WebhookSeen(valid);
            }

            account.SubscriptionActive = (await x.SubscriptionsAsync(credentials, account.EnvLabel, account.WebhookId ?? "", account.UserId, cancellationToken)).Active;
            await x.CheckTierAsync(account, credentials, now, cancellationToken);
            if (account.Tier.UsesApiV2() && (afterDowntime || !wasValid || ours is { Valid: false }))
            {
                account.MissedEventsBetween(lastAlive, now);
            }

            if (valid && account.ReplayFrom is { } from && account.ReplayTo is { } to && account.WebhookId is { } webhookId)
            {
                await ReplayAsync(account, credentials, webhookId, from, to, now, cancellationToken);
            }
        }
        catch (XApiException e)
        {
            if (e.Refusal == XRefusal.InvalidToken)
            {
                account.AccessRevoked = true;
            }

            LogCheckFailed(logger, e.Message);
        }

        account.LastCheckedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        notifier.Notify();
    }

    private async Task ReplayAsync(
        XAccount account, Twitter.OAuth.OAuthCredentials credentials, string webhookId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var since = from < now - ReplayWindow ? now - ReplayWindow : from;
        try
        {
            var job = await x2.ReplayAsync(credentials, webhookId, since, to, cancellationToken);
            var clipped = since > from ? " (X keeps a day: what came before is out of reach)" : "";
            account.ReplayAnswered(true, $"Asked X to deliver them again{clipped}; anything already in the inbox is skipped. Job {job.JobId ?? "started"}.", from, to, now);
            LogReplay(logger, since, to, job.JobId);
        }
        catch (XApiException e)
        {
            // Tried again at the next check; a window X can no longer reach is dropped with that said.
            var tooOld = to < now - ReplayWindow;
            account.ReplayAnswered(tooOld, tooOld
                ? $"They could not be replayed: X keeps a day. (X said {e.Said})"
                : $"X did not replay them yet: {e.Said}. The add-on asks again at the next check.", from, to, now);
            LogCheckFailed(logger, e.Message);
        }
    }

    private async Task<bool> TryRevalidateAsync(
        IXConnection x, Twitter.OAuth.OAuthCredentials credentials, string env, string webhookId, CancellationToken cancellationToken)
    {
        try
        {
            return await x.RevalidateWebhookAsync(credentials, env, webhookId, cancellationToken);
        }
        catch (XApiException e)
        {
            LogCheckFailed(logger, "could not re-validate the webhook: " + e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "X account status check: {Reason}")]
    private static partial void LogCheckFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked X to replay the webhook's events from {From:O} to {To:O} (job {JobId})")]
    private static partial void LogReplay(ILogger logger, DateTimeOffset from, DateTimeOffset to, string? jobId);
}
