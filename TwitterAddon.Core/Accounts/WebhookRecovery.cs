using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts.Connections;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Validation;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Accounts;

/// <summary>
/// Register again: X no longer has the account's webhook or subscription (deleted at X, or X lost it) while the keys
/// still work. The webhook is registered again at this host's address with the same key, so the stored keys, the
/// signatures and the events already received stay as they are; then the account is subscribed again.
/// </summary>
public sealed partial class WebhookRecovery(
    XConnections connections,
    WebhookAddress address,
    SecretProtector protector,
    IDbContextFactory<TwitterAddonDbContext> contexts,
    AccountActivityNotifier notifier,
    TimeProvider clock,
    ILogger<WebhookRecovery> logger)
{
    public async Task<Outcome> RegisterAgainAsync(string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.XAccounts.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken) is not { } account)
        {
            return Outcome.Refused("No X account is connected.");
        }

        if (protector.CredentialsOf(account) is not { } credentials)
        {
            return Outcome.Refused(AccountService.Undecryptable);
        }

        var x = connections.For(account.Tier);
        var env = account.EnvLabel;
        var url = address.For(account.WebhookKey);
        string webhookId;
        try
        {
            var listed = await x.WebhooksAsync(credentials, env, cancellationToken);
            // This host's webhook: at today's address, the one stored, or one of this host's under an older key.
            var ours = listed.FirstOrDefault(w => w.Url == url) ?? listed.FirstOrDefault(w => w.Id == account.WebhookId)
                ?? listed.FirstOrDefault(w => address.KeyOf(w.Url) is not null);
            var other = listed.FirstOrDefault(w => w != ours);
            if (ours?.Url != url && account.Tier != AccountTier.Enterprise && other is not null)
            {
                return Outcome.Refused(
                    $"X already has another webhook where this add-on's would go: {other.Url}. X allows one; remove it in X's developer console, or Disconnect and Begin Setup to replace it.");
            }

            if (ours is not null && ours.Url != url)
            {
                // Ours, at an address this host no longer has (App:PublicBaseUrl changed): X cannot move a webhook.
                await x.DeleteWebhookAsync(credentials, env, ours.Id, cancellationToken);
                ours = null;
            }

            webhookId = ours?.Id ?? (await x.RegisterWebhookAsync(credentials, env, url, cancellationToken)).Id;
            if (ours is { Valid: false } && !await x.RevalidateWebhookAsync(credentials, env, ours.Id, cancellationToken))
            {
                return Outcome.Refused(XErrorMessages.CrcFailed(url));
            }
        }
        catch (XApiException e)
        {
            return Outcome.Refused(XErrorMessages.ForWebhookStep(e, env, account.Tier, url));
        }

        try
        {
            await x.SubscribeAsync(credentials, env, webhookId, account.UserId, cancellationToken);
        }
        catch (XApiException e)
        {
            account.RegisteredAgain(webhookId, url, clock.GetUtcNow());
            account.SubscriptionActive = false;
            await db.SaveChangesAsync(cancellationToken);
            notifier.Notify();
            return Outcome.Refused(XErrorMessages.ForSubscription(e, account.Tier));
        }

        account.RegisteredAgain(webhookId, url, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        LogRegisteredAgain(logger, account.ScreenName, env, actor);
        notifier.Notify();
        return Outcome.Ok;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: webhook and subscription of @{ScreenName} registered again at X ({Env}) by {Actor}")]
    private static partial void LogRegisteredAgain(ILogger logger, string screenName, string env, string actor);
}
