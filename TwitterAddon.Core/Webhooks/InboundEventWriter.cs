using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Telemetry;

namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// The ack path's one writer. Concurrent deliveries wait here while one loop writes them in a single
/// statement (group commit): each request still gets its 200 only after its own row is committed, but
/// thousands of requests a second share a few hundred commits instead of queueing for one each.
/// </summary>
public sealed partial class InboundEventWriter(
    IDbContextFactory<TwitterAddonDbContext> contexts, InboundSignal signal, AccountActivityNotifier notifier, TimeProvider clock,
    ILogger<InboundEventWriter> logger) : BackgroundService
{
    private const int MaxBatch = 512;

    private static readonly Counter<long> Acknowledged = AddonMeter.Instance.CreateCounter<long>(
        "twitteraddon.events.acknowledged", "{event}", "Deliveries stored (and so answered 200) by this instance");

    private readonly Channel<PendingEvent> queue = Channel.CreateBounded<PendingEvent>(
        new BoundedChannelOptions(16 * 1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private int writing;

    /// <summary>Completes when the event is committed to disk; throws when it could not be stored (then answer 5xx).</summary>
    public async Task StoreAsync(string webhookKey, byte[] body, InboundSource source, CancellationToken cancellationToken)
    {
        var pending = new PendingEvent(webhookKey, body, source);
        await queue.Writer.WriteAsync(pending, cancellationToken);
        // Not cancelled with the request: once queued the row is written, and X's retry is deduplicated.
        await pending.Stored.Task;
    }

    /// <summary>True while deliveries are waiting or being written: the inbound worker then leaves the CPU to acks.</summary>
    public bool IsBusy => HasBacklog || Volatile.Read(ref writing) == 1;

    /// <summary>
    /// True while deliveries wait behind the one being written: X is sending faster than one at a time (a flood),
    /// not a single DM being stored.
    /// </summary>
    public bool HasBacklog => queue.Reader.Count > 0;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Deliveries already queued are written; new ones are refused (answered 500, so X sends them again).
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingEvent>(MaxBatch);
        InboundEventInsert? insert = null;
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            Volatile.Write(ref writing, 1);
            try
            {
                await using (var db = await contexts.CreateDbContextAsync(CancellationToken.None))
                {
                    insert ??= new InboundEventInsert(db);
                    var (sql, values) = insert.For([.. batch.Select(p => (p.WebhookKey, p.Body, p.Source))], clock.GetUtcNow());
                    await db.Database.ExecuteSqlRawAsync(sql, values, CancellationToken.None);
                }

                Acknowledged.Add(batch.Count);
                foreach (var stored in batch)
                {
                    stored.Stored.TrySetResult();
                }

                signal.Raise();
                notifier.Notify();
            }
            catch (Exception e)
            {
                // Whatever went wrong, these requests get a 500 (X resends) and the loop lives on for the next ones.
                LogWriteFailed(logger, batch.Count, e);
                foreach (var failed in batch)
                {
                    failed.Stored.TrySetException(e);
                }
            }
            finally
            {
                Volatile.Write(ref writing, 0);
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} inbound events; they were answered 500 so X sends them again")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    private sealed record PendingEvent(string WebhookKey, byte[] Body, InboundSource Source)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
