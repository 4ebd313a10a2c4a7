using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Channels;

/// <summary>
/// The "Twitter API" inbound type: an intermediary service that gets X's events POSTs the same Account
/// Activity payloads to <see cref="Path"/> with the DM channel's API key as a bearer token.
/// </summary>
public sealed class IntermediaryEvents(IDbContextFactory<TwitterAddonDbContext> contexts, WebhookAddress address, InboundEventWriter writer)
{
    public const string Path = "/api/twitter/events";

    public string Url => address.BaseUrl + Path;

    /// <summary>The webhook key of the account whose DM channel owns this API key, or null for a wrong key.</summary>
    public async Task<string?> AuthenticateAsync(string? apiKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return null;
        }

        var hash = ChannelApiKey.Hash(apiKey);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels
            .Where(c => c.ApiKeyHash == hash && c.Kind == ChannelKind.DirectMessage && c.InboundType == InboundEventType.TwitterApi)
            .Join(db.XAccounts, c => c.AccountUserId, a => a.UserId, (c, a) => a.WebhookKey)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Stored exactly like a webhook delivery, before the 200.</summary>
    public Task StoreAsync(string webhookKey, byte[] body, CancellationToken cancellationToken) =>
        writer.StoreAsync(webhookKey, body, InboundSource.Intermediary, cancellationToken);
}
