using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts.Connections;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Accounts;

/// <summary>
/// Moves the connected account to another Env Label or another API generation: the webhook and subscriptions
/// are set up on the new side first, and the old side is left only after that worked, so a failure keeps the
/// account receiving where it was.
/// </summary>
public sealed partial class AccountMove(XConnections connections, SecretProtector protector, TimeProvider clock, ILogger<AccountMove> logger)
{
    internal async Task<Outcome> MoveAsync(TwitterAddonDbContext db, XAccount account, AccountTier tier, string env, CancellationToken cancellationToken)
    {
        if (protector.CredentialsOf(account) is not { } credentials)
        {
            return Outcome.Refused(AccountService.Undecryptable);
        }

        var from = connections.For(account.Tier);
        var to = connections.For(tier);
        // On v2 one webhook serves every tag: a new Env Label needs only new subscriptions.
        var sameWebhook = tier.UsesApiV2() && account.Tier.UsesApiV2() && account.WebhookId is not null;
        string webhookId;
        var created = false;
        try
        {
            if (sameWebhook)
            {
                webhookId = account.WebhookId!;
            }
            else if ((await to.WebhooksAsync(credentials, env, cancellationToken)).FirstOrDefault(w => w.Url == account.WebhookUrl) is { } ours)
            {
                webhookId = ours.Id;
                if (!await to.RevalidateWebhookAsync(credentials, env, ours.Id, cancellationToken))
                {
                    return Outcome.Refused(XErrorMessages.CrcFailed(account.WebhookUrl));
                }
            }
            else
            {
                webhookId = (await to.RegisterWebhookAsync(credentials, env, account.WebhookUrl, cancellationToken)).Id;
                created = true;
            }
        }
        catch (XApiException e)
        {
            return Outcome.Refused(XErrorMessages.ForWebhookStep(e, env, tier, account.WebhookUrl));
        }

        if (tier.UsesApiV2() && env != account.EnvLabel)
        {
            // Saved before X changes anything: events X tags with the new label are taken from the first one.
            account.BeginMoveTo(env);
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            if (sameWebhook)
            {
                await connections.ApiV2.RetagAsync(credentials, account.EnvLabel, env, webhookId, account.UserId, cancellationToken);
            }
            else
            {
                await to.SubscribeAsync(credentials, env, webhookId, account.UserId, cancellationToken);
            }
        }
        catch (XApiException e)
        {
            if (created)
            {
                await TryAsync(() => to.DeleteWebhookAsync(credentials, env, webhookId, CancellationToken.None), "delete the new webhook");
            }

            return Outcome.Refused(XErrorMessages.ForSubscription(e, tier));
        }

        var oldWebhook = account.WebhookId ?? "";
        if (!sameWebhook)
        {
            await TryAsync(() => from.UnsubscribeAsync(credentials, account.EnvLabel, oldWebhook, account.UserId, CancellationToken.None), "leave the old subscriptions");
        }

        if (!sameWebhook && account.WebhookId is not null)
        {
            await TryAsync(() => from.DeleteWebhookAsync(credentials, account.EnvLabel, oldWebhook, CancellationToken.None), "delete the old webhook");
        }

        account.MoveTo(tier, env, webhookId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    private async Task TryAsync(Func<Task> call, string action)
    {
        if (await XBestEffort.RunAsync(call) is { } refused)
        {
            LogLeftBehind(logger, action, refused.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moving the account, X refused to {Action}: {Reason} (remove it in X's developer console)")]
    private static partial void LogLeftBehind(ILogger logger, string action, string reason);
}
