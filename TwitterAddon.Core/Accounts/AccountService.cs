using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts.Connections;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Validation;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Accounts;

/// <summary>Detail Account: read the connection, change Tier or Env Label, re-validate the webhook, disconnect.</summary>
public sealed partial class AccountService(
    XConnections connections,
    AccountMove move,
    ConsumerSecrets secrets,
    SecretProtector protector,
    IDbContextFactory<TwitterAddonDbContext> contexts,
    CrcLog crcs,
    AccountActivityNotifier notifier,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    internal const string Undecryptable =
        "The stored keys cannot be decrypted: the Data Protection keys beside the database are missing or different. Restore them, or disconnect and connect again.";

    public async Task<AccountSummary?> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.XAccounts.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        return AccountSummary.Of(account, await crcs.LastAnsweredAsync(account.WebhookKey, cancellationToken),
            await db.LastEventReceivedAtAsync(account.WebhookKey, cancellationToken));
    }

    /// <summary>What X has subscribed for the account right now (Detail Account lists it), or why X could not be asked.</summary>
    public async Task<(SubscriptionState? State, string? Error)> SubscriptionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.XAccounts.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken) is not { } account)
        {
            return (null, "No X account is connected.");
        }

        if (protector.CredentialsOf(account) is not { } credentials)
        {
            return (null, Undecryptable);
        }

        try
        {
            return (await connections.For(account.Tier).SubscriptionsAsync(credentials, account.EnvLabel, account.WebhookId ?? "", account.UserId, cancellationToken), null);
        }
        catch (XApiException e)
        {
            return (null, XErrorMessages.Generic(e));
        }
    }

    /// <summary>
    /// Within one API generation the tier is the admin's word for X's limits. Between v1.1 and v2 the account is
    /// set up on the new side first and leaves the old one only after that worked.
    /// </summary>
    public async Task<Outcome> ChangeTierAsync(AccountTier tier, string actor, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(tier))
        {
            return Outcome.Refused("Choose Pay-per-use, Enterprise, Premium or Sandbox.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.XAccounts.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken) is not { } account)
        {
            return Outcome.Refused("No X account is connected.");
        }

        var before = account.Tier;
        if (before.UsesApiV2() != tier.UsesApiV2())
        {
            var moved = await move.MoveAsync(db, account, tier, account.EnvLabel, cancellationToken);
            if (!moved.Succeeded)
            {
                return moved;
            }
        }
        else
        {
            account.Tier = tier;
        }

        await RecheckTierAsync(db, account, cancellationToken);
        LogTierChanged(logger, before, tier, actor);
        notifier.Notify();
        return Outcome.Ok;
    }

    /// <summary>
    /// v1.1: moves the webhook and subscription to another environment. v2: subscribes the account under the new
    /// tag and then removes the old tag's subscriptions. Either way the old one is left only after the new one worked.
    /// </summary>
    public async Task<Outcome> ChangeEnvLabelAsync(string envLabel, string actor, CancellationToken cancellationToken)
    {
        var env = envLabel.Trim();
        if (!EnvLabelRule.IsValid(env))
        {
            return Outcome.Refused(EnvLabelRule.Message);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.XAccounts.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null || account.EnvLabel == env)
        {
            return account is null ? Outcome.Refused("No X account is connected.") : Outcome.Ok;
        }

        var oldEnv = account.EnvLabel;
        var moved = await move.MoveAsync(db, account, account.Tier, env, cancellationToken);
        if (moved.Succeeded)
        {
            await RecheckTierAsync(db, account, cancellationToken);
            LogEnvChanged(logger, oldEnv, env, actor);
            notifier.Notify();
        }

        return moved;
    }

    /// <summary>Asks X for a CRC now: the way back after X marked the webhook invalid.</summary>
    public async Task<Outcome> RevalidateWebhookAsync(string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.XAccounts.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account?.WebhookId is not { } webhookId)
        {
            return Outcome.Refused("No X account is connected.");
        }

        if (protector.CredentialsOf(account) is not { } credentials)
        {
            return Outcome.Refused(Undecryptable);
        }

        Outcome outcome;
        var x = connections.For(account.Tier);
        try
        {
            var valid = await x.RevalidateWebhookAsync(credentials, account.EnvLabel, webhookId, cancellationToken);
            account.WebhookSeen(valid);
            outcome = valid ? Outcome.Ok : Outcome.Refused(XErrorMessages.CrcFailed(account.WebhookUrl));
        }
        catch (XApiException e)
        {
            // X refuses to re-validate a webhook it no longer has; its list says whether that is why.
            if (await WebhookGoneAsync(x, credentials, account.EnvLabel, webhookId, cancellationToken))
            {
                account.WebhookMissing();
                outcome = Outcome.Refused(XErrorMessages.WebhookGone);
            }
            else
            {
                account.WebhookValid = false;
                outcome = Outcome.Refused(XErrorMessages.ForWebhook(e, account.WebhookUrl));
            }
        }

        account.LastCheckedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        LogRevalidated(logger, account.WebhookValid, actor);
        notifier.Notify();
        return outcome;
    }

    /// <summary>After a change of Tier or Env Label: does X agree with the tier now? Saves the account either way.</summary>
    private async Task RecheckTierAsync(TwitterAddonDbContext db, XAccount account, CancellationToken cancellationToken)
    {
        if (protector.CredentialsOf(account) is { } credentials)
        {
            await connections.For(account.Tier).CheckTierAsync(account, credentials, clock.GetUtcNow(), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>True when X's list of webhooks answers and ours is not in it.</summary>
    private static async Task<bool> WebhookGoneAsync(
        IXConnection x, Twitter.OAuth.OAuthCredentials credentials, string envLabel, string webhookId, CancellationToken cancellationToken)
    {
        try
        {
            return (await x.WebhooksAsync(credentials, envLabel, cancellationToken)).All(w => w.Id != webhookId);
        }
        catch (XApiException)
        {
            return false;
        }
    }

    /// <summary>
    /// Unsubscribes, deletes our webhook and removes the stored keys. What X refuses (say, revoked tokens) is
    /// reported, but the account is removed here all the same: the admin asked to be disconnected.
    /// </summary>
    public async Task<Outcome> DisconnectAsync(string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.XAccounts.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return Outcome.Ok;
        }

        var problems = new List<string>();
        if (protector.CredentialsOf(account) is not { } credentials)
        {
            problems.Add("unsubscribe and delete the webhook (the stored keys cannot be decrypted)");
        }
        else
        {
            var x = connections.For(account.Tier);
            var webhookId = account.WebhookId ?? "";
            await TryAsync(() => x.UnsubscribeAsync(credentials, account.EnvLabel, webhookId, account.UserId, CancellationToken.None), "unsubscribe", problems);
            if (account.WebhookId is not null)
            {
                await TryAsync(() => x.DeleteWebhookAsync(credentials, account.EnvLabel, webhookId, CancellationToken.None), "delete the webhook", problems);
            }
        }

        db.XAccounts.Remove(account);
        await db.SaveChangesAsync(cancellationToken);
        secrets.Forget(account.WebhookKey);
        LogDisconnected(logger, account.ScreenName, account.UserId, actor);
        return problems.Count == 0
            ? Outcome.Ok
            : Outcome.Refused("Disconnected here, but X refused to " + string.Join(" and to ", problems) + ": remove them in the developer portal.");
    }

    private async Task TryAsync(Func<Task> call, string action, List<string> problems)
    {
        if (await XBestEffort.RunAsync(call) is { } refused)
        {
            problems.Add(action);
            LogXRefused(logger, action, refused.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: Tier changed from {Before} to {After} by {Actor}")]
    private static partial void LogTierChanged(ILogger logger, AccountTier before, AccountTier after, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: Env Label changed from {Before} to {After} by {Actor}")]
    private static partial void LogEnvChanged(ILogger logger, string before, string after, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: webhook re-validated (valid={Valid}) by {Actor}")]
    private static partial void LogRevalidated(ILogger logger, bool valid, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: X account @{ScreenName} ({UserId}) disconnected by {Actor}")]
    private static partial void LogDisconnected(ILogger logger, string screenName, string userId, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "X refused to {Action}: {Reason}")]
    private static partial void LogXRefused(ILogger logger, string action, string reason);
}
