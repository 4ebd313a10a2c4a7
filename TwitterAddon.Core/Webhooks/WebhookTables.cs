using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Webhooks;

/// <summary>The Webhooks feature's tables: what X delivered, and when it last checked our webhooks.</summary>
public static class WebhookTables
{
    extension(TwitterAddonDbContext db)
    {
        public DbSet<InboundEvent> InboundEvents => db.Set<InboundEvent>();

        public DbSet<CrcCheck> CrcChecks => db.Set<CrcCheck>();

        /// <summary>When the latest delivery through the webhook was stored; null before the first.</summary>
        public Task<DateTimeOffset?> LastEventReceivedAtAsync(string webhookKey, CancellationToken cancellationToken) =>
            db.InboundEvents.Where(e => e.WebhookKey == webhookKey).OrderByDescending(e => e.Id)
                .Select(e => (DateTimeOffset?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
