using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Outbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Telemetry;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Operations;

/// <summary>
/// Reads how far the inbound worker and the outbox are behind every few seconds (the queues are in the database, so
/// every instance sees the same figures), for <c>/metrics</c> and the readiness check. A few indexed counts: cheap
/// next to the writes they describe.
/// </summary>
public sealed partial class WorkQueueMonitor(
    IDbContextFactory<TwitterAddonDbContext> contexts, TimeProvider clock, ILogger<WorkQueueMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static readonly Gauge<int> EventsWaiting = AddonMeter.Instance.CreateGauge<int>(
        "twitteraddon.events.waiting", "{event}", "Inbound events stored (answered 200) and not yet processed");

    private static readonly Gauge<double> OldestEventAge = AddonMeter.Instance.CreateGauge<double>(
        "twitteraddon.events.oldest_waiting_age", "s", "How long the oldest unprocessed inbound event has waited");

    private static readonly Gauge<int> Replies = AddonMeter.Instance.CreateGauge<int>(
        "twitteraddon.outbox.replies", "{reply}", "Agents' replies by outbox state: queued, sending (outcome not yet known), failed");

    private static readonly Gauge<double> OldestDueReplyAge = AddonMeter.Instance.CreateGauge<double>(
        "twitteraddon.outbox.oldest_due_age", "s", "How long the oldest reply due to be sent now has waited since the agent sent it");

    /// <summary>The latest reading; null until the first.</summary>
    public WorkQueueSnapshot? Latest { get; private set; }

    public async Task<WorkQueueSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = db.InboundEvents.Where(e => e.Status == InboundEventStatus.Pending);
        var eventsWaiting = await pending.CountAsync(cancellationToken);
        var oldestEvent = await pending.OrderBy(e => e.Id).Select(e => (DateTimeOffset?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        var byState = await db.Messages
            .Where(m => m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sending || m.Status == MessageStatus.Failed)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var stopped = await db.XAccounts.Where(a => a.SendingStoppedReason != null).Select(a => a.UserId).ToListAsync(cancellationToken);
        var oldestDue = await DueReplies.Of(db.Messages, now, stopped).Select(m => (DateTimeOffset?)m.At).FirstOrDefaultAsync(cancellationToken);
        return new WorkQueueSnapshot(now, eventsWaiting, oldestEvent, byState.GetValueOrDefault(MessageStatus.Queued),
            byState.GetValueOrDefault(MessageStatus.Sending), byState.GetValueOrDefault(MessageStatus.Failed), oldestDue);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await RefreshAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads the queues now: <see cref="Latest"/> and the gauges. A failure is logged; the reading then grows old.</summary>
    public async Task RefreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            var snapshot = Latest = await ReadAsync(stoppingToken);
            EventsWaiting.Record(snapshot.EventsWaiting);
            OldestEventAge.Record(snapshot.OldestEventAge.TotalSeconds);
            Replies.Record(snapshot.RepliesQueued, new KeyValuePair<string, object?>("state", "queued"));
            Replies.Record(snapshot.RepliesSending, new KeyValuePair<string, object?>("state", "sending"));
            Replies.Record(snapshot.RepliesFailed, new KeyValuePair<string, object?>("state", "failed"));
            OldestDueReplyAge.Record(snapshot.OldestDueReplyAge.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The readiness check sees the reading grow old, and says so.
            LogReadFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the work queues' state; trying again in 5 seconds")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
