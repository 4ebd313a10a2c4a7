using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// Records the CRCs we answered, per webhook. Also the one X sends while a connect registers the webhook:
/// the account does not exist yet then, but the webhook key does.
/// </summary>
public sealed class CrcLog(IDbContextFactory<TwitterAddonDbContext> contexts, AccountActivityNotifier notifier, TimeProvider clock)
{
    // "Last CRC answered" is for people; one write a minute is plenty and keeps the CRC fast under load.
    private static readonly TimeSpan RecordInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> recorded = new(StringComparer.Ordinal);

    public async Task RecordAsync(string webhookKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (recorded.TryGetValue(webhookKey, out var last) && now - last < RecordInterval)
        {
            return;
        }

        recorded[webhookKey] = now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.CrcChecks.Where(c => c.WebhookKey == webhookKey)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AnsweredAt, now), cancellationToken) == 0)
        {
            db.CrcChecks.Add(new CrcCheck { WebhookKey = webhookKey, AnsweredAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another CRC for the same webhook recorded it a moment ago.
            }
        }

        notifier.Notify();
    }

    public async Task<DateTimeOffset?> LastAnsweredAsync(string webhookKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CrcChecks.Where(c => c.WebhookKey == webhookKey).Select(c => (DateTimeOffset?)c.AnsweredAt).FirstOrDefaultAsync(cancellationToken);
    }
}
