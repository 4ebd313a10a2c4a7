using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Validation;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Accounts;

/// <summary>Detail Account: read the connection, change Tier or Env Label, re-validate the webhook, disconnect.</summary>
public sealed partial class AccountService(
    IXApi x,
    ConsumerSecrets secrets,
    SecretProtector protector,
    IDbContextFactory<TwitterAddonDbContext> contexts,
    CrcLog crcs,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public async Task<AccountSummary?> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.XAccounts.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var lastEventAt = await db.InboundEvents.Where(e => e.WebhookKey == account.WebhookKey).OrderByDescending(e => e.Id)
            .Select(e => (DateTimeOffset?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        return AccountSummary.Of(account, await crcs.LastAnsweredAsync(account.WebhookKey, cancellationToken), lastEventAt);
    }

    public async Task<Outcome> ChangeTierAsync(AccountTier tier, string actor, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(tier))
        {
            return Outcome.Refused("Choose Sandbox or Premium.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.XAccounts.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return Outcome.Refused("No X account is connected.");
        }

        var before = account.Tier;
        account.Tier = tier;
        await db.SaveChangesAsync(cancellationToken);
        LogTierChanged(logger, before, tier, actor);
        return Outcome.Ok;
    }

    /// <summary>
    /// Moves the webhook and subscription to another environment: register and subscribe there first, and only
    /// then leave the old one, so a failure keeps the account working where it was.
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

        if (protector.CredentialsOf(account) is not { } credentials)
        {
            return Outcome.Refused(Undecryptable);
        }

        string newWebhookId;
        try
        {
            await x.ListWebhooksAsync(credentials, env, cancellationToken);
            newWebhookId = (await x.RegisterWebhookAsync(credentials, env, account.WebhookUrl, cancellationToken)).Id;
        }
        catch (XApiException e)
        {
            return Outcome.Refused(e.Code == XErrorCodes.DoesNotExist ? XErrorMessages.ForEnvironment(e, env) : XErrorMessages.ForWebhook(e, account.WebhookUrl));
        }

        try
        {
            await x.SubscribeAsync(credentials, env, cancellationToken);
        }
        catch (XApiException e)
        {
            await TryAsync(() => x.DeleteWebhookAsync(credentials, env, newWebhookId, CancellationToken.None), "delete the new webhook");
            return Outcome.Refused(XErrorMessages.ForSubscription(e));
        }

        var oldEnv = account.EnvLabel;
        await TryAsync(() => x.UnsubscribeAsync(credentials, oldEnv, account.UserId, CancellationToken.None), "unsubscribe from the old environment");
        if (account.WebhookId is { } oldWebhook)
        {
            await TryAsync(() => x.DeleteWebhookAsync(credentials, oldEnv, oldWebhook, CancellationToken.None), "delete the old webhook");
        }

        account.EnvLabel = env;
        account.WebhookId = newWebhookId;
        account.WebhookValid = true;
        account.SubscriptionActive = true;
        await db.SaveChangesAsync(cancellationToken);
        LogEnvChanged(logger, oldEnv, env, actor);
        return Outcome.Ok;
    }

    /// <summary>Asks X for a CRC now (PUT): the way back after X marked the webhook invalid.</summary>
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
        try
        {
            await x.TriggerCrcAsync(credentials, account.EnvLabel, webhookId, cancellationToken);
            account.WebhookValid = true;
            outcome = Outcome.Ok;
        }
        catch (XApiException e)
        {
            account.WebhookValid = false;
            outcome = Outcome.Refused(XErrorMessages.ForWebhook(e, account.WebhookUrl));
        }

        account.LastCheckedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        LogRevalidated(logger, account.WebhookValid, actor);
        return outcome;
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
            await TryAsync(() => x.UnsubscribeAsync(credentials, account.EnvLabel, account.UserId, CancellationToken.None), "unsubscribe", problems);
            if (account.WebhookId is { } webhookId)
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

    /// <summary>Asks X whether our webhook is valid and the account subscribed; re-validates an invalid webhook.</summary>
    public async Task RefreshStatusAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.XAccounts.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return;
        }

        if (protector.CredentialsOf(account) is not { } credentials)
        {
            return;
        }

        try
        {
            var ours = (await x.ListWebhooksAsync(credentials, account.EnvLabel, cancellationToken)).FirstOrDefault(w => w.Id == account.WebhookId);
            if (ours is { Valid: false })
            {
                await TryAsync(() => x.TriggerCrcAsync(credentials, account.EnvLabel, ours.Id, cancellationToken), "re-validate the webhook");
                ours = (await x.ListWebhooksAsync(credentials, account.EnvLabel, cancellationToken)).FirstOrDefault(w => w.Id == account.WebhookId);
            }

            account.WebhookValid = ours?.Valid == true;
            account.SubscriptionActive = await x.IsSubscribedAsync(credentials, account.EnvLabel, cancellationToken);
        }
        catch (XApiException e)
        {
            account.AccessRevoked |= e.Code == XErrorCodes.InvalidOrExpiredToken;
            LogRefreshFailed(logger, e.Message);
        }

        account.LastCheckedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private const string Undecryptable =
        "The stored keys cannot be decrypted: the Data Protection keys beside the database are missing or different. Restore them, or disconnect and connect again.";

    private async Task TryAsync(Func<Task> call, string action, List<string>? problems = null)
    {
        try
        {
            await call();
        }
        catch (XApiException e)
        {
            problems?.Add(action);
            LogRefreshFailed(logger, $"could not {action}: {e.Message}");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "X account status check: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}
