using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Accounts;

/// <summary>
/// Save in Begin Setup: verify the keys → check the environment → register the webhook (X sends the CRC during
/// that call) → subscribe → store. A failure at any step undoes what the earlier steps created at X, so a
/// failed connect leaves nothing behind.
/// </summary>
public sealed partial class AccountConnector(
    IXApi x,
    SetupFormValidator validator,
    WebhookAddress address,
    ConsumerSecrets secrets,
    SecretProtector protector,
    IDbContextFactory<TwitterAddonDbContext> contexts,
    TimeProvider clock,
    ILogger<AccountConnector> logger)
{
    // One connect at a time in this process: two admins pressing Save together must not connect two accounts.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <param name="replaceForeignWebhook">The admin allowed deleting another app's webhook in the environment.</param>
    public async Task<ConnectOutcome> ConnectAsync(
        SetupForm form, string actor, bool replaceForeignWebhook, IProgress<ConnectProgressReport>? progress, CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await ConnectOnceAsync(form, actor, replaceForeignWebhook, progress, cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<ConnectOutcome> ConnectOnceAsync(
        SetupForm form, string actor, bool replaceForeignWebhook, IProgress<ConnectProgressReport>? progress, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return ConnectOutcome.Failed(ConnectStep.VerifyCredentials, string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)));
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.XAccounts.AnyAsync(cancellationToken))
            {
                return ConnectOutcome.Failed(ConnectStep.VerifyCredentials, "An X account is already connected. Disconnect it in Detail Account first.");
            }
        }

        var credentials = form.Credentials();
        var env = form.EnvLabel.Trim();
        progress?.Report(new(ConnectStep.VerifyCredentials));
        XUser user;
        try
        {
            user = await x.VerifyCredentialsAsync(credentials, cancellationToken);
        }
        catch (XApiException e)
        {
            return ConnectOutcome.Failed(ConnectStep.VerifyCredentials, XErrorMessages.ForCredentials(e));
        }

        progress?.Report(Report(ConnectStep.CheckEnvironment, user));
        IReadOnlyList<XWebhook> existing;
        try
        {
            existing = await x.ListWebhooksAsync(credentials, env, cancellationToken);
        }
        catch (XApiException e)
        {
            return ConnectOutcome.Failed(ConnectStep.CheckEnvironment, XErrorMessages.ForEnvironment(e, env));
        }

        var ours = existing.FirstOrDefault(w => address.KeyOf(w.Url) is not null);
        var foreign = existing.FirstOrDefault(w => address.KeyOf(w.Url) is null);
        if (ours is null && foreign is not null && !replaceForeignWebhook)
        {
            return new ConnectOutcome(false, ConnectStep.CheckEnvironment,
                $"The environment \"{env}\" already has a webhook of another app or install: {foreign.Url}. Replace it with this add-on's?",
                foreign.Url);
        }

        return await RegisterAndSubscribeAsync(form, credentials, env, user, ours, ours is null ? foreign : null, actor, progress, cancellationToken);
    }

    private async Task<ConnectOutcome> RegisterAndSubscribeAsync(
        SetupForm form, OAuthCredentials credentials, string env, XUser user, XWebhook? ours, XWebhook? toReplace,
        string actor, IProgress<ConnectProgressReport>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(Report(ConnectStep.RegisterWebhook, user));
        var key = ours is null ? WebhookAddress.NewKey() : address.KeyOf(ours.Url)!;
        var url = address.For(key);
        secrets.Set(key, credentials.ConsumerSecret);
        XWebhook webhook;
        try
        {
            if (toReplace is not null)
            {
                await x.DeleteWebhookAsync(credentials, env, toReplace.Id, cancellationToken);
                LogReplacedWebhook(logger, toReplace.Url, env, actor);
            }

            // Ours from an earlier install: re-validate it rather than registering a second one.
            webhook = ours is null ? await x.RegisterWebhookAsync(credentials, env, url, cancellationToken) : ours;
            if (ours is not null)
            {
                await x.TriggerCrcAsync(credentials, env, ours.Id, cancellationToken);
            }
        }
        catch (XApiException e)
        {
            secrets.Forget(key);
            return ConnectOutcome.Failed(ConnectStep.RegisterWebhook, XErrorMessages.ForWebhook(e, url));
        }

        progress?.Report(Report(ConnectStep.Subscribe, user));
        try
        {
            await x.SubscribeAsync(credentials, env, cancellationToken);
        }
        catch (XApiException e)
        {
            await UndoWebhookAsync(credentials, env, webhook.Id, key, created: ours is null);
            return ConnectOutcome.Failed(ConnectStep.Subscribe, XErrorMessages.ForSubscription(e));
        }

        progress?.Report(Report(ConnectStep.Save, user));
        try
        {
            await SaveAsync(form, credentials, env, user, key, url, webhook.Id, cancellationToken);
        }
        catch (DbUpdateException)
        {
            await UndoSubscriptionAsync(credentials, env, user.IdStr);
            await UndoWebhookAsync(credentials, env, webhook.Id, key, created: ours is null);
            return ConnectOutcome.Failed(ConnectStep.Save, "Another admin connected an account at the same moment. Reload the page.");
        }

        LogConnected(logger, user.ScreenName, user.IdStr, env, form.Tier, actor);
        return ConnectOutcome.Connected;
    }

    private static ConnectProgressReport Report(ConnectStep step, XUser user) =>
        new(step, user.Name, user.ScreenName, user.ProfileImageUrlHttps);

    private async Task SaveAsync(
        SetupForm form, OAuthCredentials credentials, string env, XUser user, string key, string url, string webhookId,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.XAccounts.Add(new XAccount
        {
            WebhookKey = key, ConsumerKey = credentials.ConsumerKey,
            ProtectedConsumerSecret = protector.Protect(credentials.ConsumerSecret),
            ProtectedAccessToken = protector.Protect(credentials.AccessToken),
            ProtectedAccessTokenSecret = protector.Protect(credentials.AccessTokenSecret),
            EnvLabel = env, Tier = form.Tier, UserId = user.IdStr, ScreenName = user.ScreenName, Name = user.Name,
            ProfileImageUrl = user.ProfileImageUrlHttps, WebhookId = webhookId, WebhookUrl = url, WebhookValid = true,
            SubscriptionActive = true, ConnectedAt = clock.GetUtcNow(), LastCheckedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task UndoWebhookAsync(OAuthCredentials credentials, string env, string webhookId, string key, bool created)
    {
        secrets.Forget(key);
        if (!created)
        {
            return;
        }

        try
        {
            await x.DeleteWebhookAsync(credentials, env, webhookId, CancellationToken.None);
        }
        catch (XApiException e)
        {
            LogUndoFailed(logger, "delete the webhook", e.Message);
        }
    }

    private async Task UndoSubscriptionAsync(OAuthCredentials credentials, string env, string userId)
    {
        try
        {
            await x.UnsubscribeAsync(credentials, env, userId, CancellationToken.None);
        }
        catch (XApiException e)
        {
            LogUndoFailed(logger, "unsubscribe", e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: X account @{ScreenName} ({UserId}) connected in env {Env} ({Tier}) by {Actor}")]
    private static partial void LogConnected(ILogger logger, string screenName, string userId, string env, AccountTier tier, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit: webhook {Url} of another app deleted from env {Env}, as {Actor} allowed")]
    private static partial void LogReplacedWebhook(ILogger logger, string url, string env, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A failed connect could not {Action} at X: {Reason}")]
    private static partial void LogUndoFailed(ILogger logger, string action, string reason);
}
