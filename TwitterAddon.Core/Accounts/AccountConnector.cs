using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts.Connections;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Twitter.Payloads;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Accounts;

/// <summary>
/// Save in Begin Setup, on either API generation: verify the keys → check the environment (v1.1) or the app's
/// webhooks (v2) → register the webhook (X sends the CRC during that call) → subscribe → store. A failure at any
/// step undoes what the earlier steps created at X, so a failed connect leaves nothing behind.
/// </summary>
public sealed partial class AccountConnector(
    XConnections connections,
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

    /// <param name="replaceForeignWebhook">The admin allowed deleting another app's or install's webhook.</param>
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

        var x = connections.For(form.Tier);
        var credentials = form.Credentials();
        var env = form.EnvLabel.Trim();
        progress?.Report(new(ConnectStep.VerifyCredentials));
        XUser user;
        try
        {
            user = await x.VerifyAsync(credentials, cancellationToken);
        }
        catch (XApiException e)
        {
            return ConnectOutcome.Failed(ConnectStep.VerifyCredentials, XErrorMessages.ForCredentials(e));
        }

        progress?.Report(Report(ConnectStep.CheckEnvironment, user));
        IReadOnlyList<XWebhook> existing;
        try
        {
            existing = await x.WebhooksAsync(credentials, env, cancellationToken);
        }
        catch (XApiException e)
        {
            return ConnectOutcome.Failed(ConnectStep.CheckEnvironment, XErrorMessages.ForEnvironment(e, env, form.Tier));
        }

        var ours = existing.FirstOrDefault(w => address.KeyOf(w.Url) is not null);
        var foreign = existing.FirstOrDefault(w => address.KeyOf(w.Url) is null);
        // Enterprise may have several webhooks; the other tiers one (per environment on v1.1, per account on v2).
        if (ours is null && foreign is not null && form.Tier != AccountTier.Enterprise && !replaceForeignWebhook)
        {
            var where = x.WebhookPerEnvironment ? $"The environment \"{env}\" already has" : "The X account already has its one";
            return new ConnectOutcome(false, ConnectStep.CheckEnvironment,
                $"{where} webhook of another app or install: {foreign.Url}. Replace it with this add-on's?", foreign.Url);
        }

        var toReplace = ours is null && form.Tier != AccountTier.Enterprise ? foreign : null;
        return await RegisterAndSubscribeAsync(x, form, credentials, env, user, ours, toReplace, actor, progress, cancellationToken);
    }

    private async Task<ConnectOutcome> RegisterAndSubscribeAsync(
        IXConnection x, SetupForm form, OAuthCredentials credentials, string env, XUser user, XWebhook? ours, XWebhook? toReplace,
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
            webhook = ours ?? await x.RegisterWebhookAsync(credentials, env, url, cancellationToken);
            if (ours is not null && !await x.RevalidateWebhookAsync(credentials, env, ours.Id, cancellationToken))
            {
                secrets.Forget(key);
                return ConnectOutcome.Failed(ConnectStep.RegisterWebhook, XErrorMessages.CrcFailed(url));
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
            await x.SubscribeAsync(credentials, env, webhook.Id, user.IdStr, cancellationToken);
        }
        catch (XApiException e)
        {
            await UndoWebhookAsync(x, credentials, env, webhook.Id, key, created: ours is null);
            return ConnectOutcome.Failed(ConnectStep.Subscribe, XErrorMessages.ForSubscription(e, form.Tier));
        }

        progress?.Report(Report(ConnectStep.Save, user));
        try
        {
            await SaveAsync(x, form, credentials, env, user, key, url, webhook.Id, cancellationToken);
        }
        catch (DbUpdateException)
        {
            await UndoAsync(() => x.UnsubscribeAsync(credentials, env, webhook.Id, user.IdStr, CancellationToken.None), "unsubscribe");
            await UndoWebhookAsync(x, credentials, env, webhook.Id, key, created: ours is null);
            return ConnectOutcome.Failed(ConnectStep.Save, "Another admin connected an account at the same moment. Reload the page.");
        }

        LogConnected(logger, user.ScreenName, user.IdStr, env, form.Tier, actor);
        return ConnectOutcome.Connected;
    }

    private static ConnectProgressReport Report(ConnectStep step, XUser user) =>
        new(step, user.Name, user.ScreenName, XProfileImage.Safe(user.ProfileImageUrlHttps));

    private async Task SaveAsync(
        IXConnection x, SetupForm form, OAuthCredentials credentials, string env, XUser user, string key, string url, string webhookId,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = new XAccount
        {
            WebhookKey = key, ConsumerKey = credentials.ConsumerKey,
            ProtectedConsumerSecret = protector.Protect(credentials.ConsumerSecret),
            ProtectedAccessToken = protector.Protect(credentials.AccessToken),
            ProtectedAccessTokenSecret = protector.Protect(credentials.AccessTokenSecret),
            EnvLabel = env, Tier = form.Tier, UserId = user.IdStr, ScreenName = user.ScreenName, Name = user.Name,
            ProfileImageUrl = XProfileImage.Safe(user.ProfileImageUrlHttps), WebhookId = webhookId, WebhookUrl = url, WebhookValid = true,
            SubscriptionActive = true, ConnectedAt = clock.GetUtcNow(), LastCheckedAt = clock.GetUtcNow(),
        };
        // Connected either way; where X says the tier is another, Setup says so from the start.
        await x.CheckTierAsync(account, credentials, clock.GetUtcNow(), cancellationToken);
        db.XAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task UndoWebhookAsync(IXConnection x, OAuthCredentials credentials, string env, string webhookId, string key, bool created)
    {
        secrets.Forget(key);
        if (created)
        {
            await UndoAsync(() => x.DeleteWebhookAsync(credentials, env, webhookId, CancellationToken.None), "delete the webhook");
        }
    }

    private async Task UndoAsync(Func<Task> undo, string action)
    {
        if (await XBestEffort.RunAsync(undo) is { } refused)
        {
            LogUndoFailed(logger, action, refused.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: X account @{ScreenName} ({UserId}) connected with Env Label {Env} ({Tier}) by {Actor}")]
    private static partial void LogConnected(ILogger logger, string screenName, string userId, string env, AccountTier tier, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit: webhook {Url} of another app or install deleted ({Env}), as {Actor} allowed")]
    private static partial void LogReplacedWebhook(ILogger logger, string url, string env, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A failed connect could not {Action} at X: {Reason}")]
    private static partial void LogUndoFailed(ILogger logger, string action, string reason);
}
