using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Channels;

/// <summary>The intermediary's bearer key is the API key of a Direct Message channel with the Twitter API inbound type.</summary>
internal sealed class ChannelApiKeys(IDbContextFactory<TwitterAddonDbContext> contexts) : IIntermediaryKeys
{
    public async Task<string?> WebhookKeyOfAsync(string apiKey, CancellationToken cancellationToken)
    {
        var hash = ChannelApiKey.Hash(apiKey);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels
            .Where(c => c.ApiKeyHash == hash && c.Kind == ChannelKind.DirectMessage && c.InboundType == InboundEventType.TwitterApi)
            .Join(db.XAccounts, c => c.AccountUserId, a => a.UserId, (c, a) => a.WebhookKey)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
