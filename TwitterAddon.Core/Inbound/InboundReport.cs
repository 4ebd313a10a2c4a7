using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Inbound;

/// <summary>What the Setup page shows of the inbound path: counts by outcome and the latest events that failed.</summary>
public sealed class InboundReport(IDbContextFactory<TwitterAddonDbContext> contexts)
{
    private const int RecentFailures = 5;

    public async Task<InboundSummary> SummarizeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.InboundEvents.GroupBy(e => e.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var failures = await db.InboundEvents.Where(e => e.Status == InboundEventStatus.Failed)
            .OrderByDescending(e => e.Id).Take(RecentFailures)
            .Select(e => new InboundFailure(e.Id, e.ReceivedAt, e.Source, e.Outcome ?? ""))
            .ToListAsync(cancellationToken);
        // The newest by id (the key's index), from the same events the counts are of, whichever webhook or key brought it.
        var last = await db.InboundEvents.OrderByDescending(e => e.Id).Select(e => (DateTimeOffset?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        return new InboundSummary(
            counts.GetValueOrDefault(InboundEventStatus.Pending), counts.GetValueOrDefault(InboundEventStatus.Processed),
            counts.GetValueOrDefault(InboundEventStatus.Ignored), counts.GetValueOrDefault(InboundEventStatus.Failed), failures, last);
    }
}

public sealed record InboundSummary(
    int Pending, int Processed, int Ignored, int Failed, IReadOnlyList<InboundFailure> RecentFailures, DateTimeOffset? LastReceivedAt = null)
{
    public int Received => Pending + Processed + Ignored + Failed;
}

public sealed record InboundFailure(long Id, DateTimeOffset ReceivedAt, InboundSource Source, string Reason);
