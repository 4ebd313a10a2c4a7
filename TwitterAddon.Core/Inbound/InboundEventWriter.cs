using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// The ack path's one writer. Concurrent deliveries wait here while one loop writes them in a single
/// transaction (group commit): each request still gets its 200 only after its own row is committed, but
/// thousands of requests a second share a few hundred commits instead of queueing for one each.
/// </summary>
public sealed partial class InboundEventWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly Channel<PendingEvent> queue = Channel.CreateBounded<PendingEvent>(
        new BoundedChannelOptions(16 * 1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly DatabaseLocation location;
    private readonly InboundSignal signal;
    private readonly DatabaseWriteGate writeGate;
    private readonly AccountActivityNotifier notifier;
    private readonly TimeProvider clock;
    private readonly ILogger<InboundEventWriter> logger;
    private readonly Task loop;
    private long lastWriteTimestamp;

    public InboundEventWriter(
        DatabaseLocation location, DatabaseWriteGate writeGate, InboundSignal signal, AccountActivityNotifier notifier, TimeProvider clock, ILogger<InboundEventWriter> logger)
    {
        (this.location, this.writeGate, this.signal, this.notifier, this.clock, this.logger) = (location, writeGate, signal, notifier, clock, logger);
        loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes when the event is committed to disk; throws when it could not be stored (then answer 5xx).</summary>
    public async Task StoreAsync(string webhookKey, byte[] body, InboundSource source, CancellationToken cancellationToken)
    {
        var pending = new PendingEvent(webhookKey, body, source);
        await queue.Writer.WriteAsync(pending, cancellationToken);
        // Not cancelled with the request: once queued the row is written, and X's retry is deduplicated.
        await pending.Stored.Task;
    }

    /// <summary>True while deliveries keep arriving (a write in the last 50 ms): the worker then leaves the CPU to acks.</summary>
    public bool IsBusy => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastWriteTimestamp)) < TimeSpan.FromMilliseconds(50);

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingEvent>(MaxBatch);
        SqliteConnection? connection = null;
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    connection ??= await OpenAsync();
                    using (await writeGate.EnterAsync(CancellationToken.None))
                    {
                        Write(connection, batch);
                    }

                    foreach (var stored in batch)
                    {
                        stored.Stored.TrySetResult();
                    }

                    Interlocked.Exchange(ref lastWriteTimestamp, Stopwatch.GetTimestamp());

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

                    connection?.Dispose();
                    connection = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(location.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private void Write(SqliteConnection connection, List<PendingEvent> batch)
    {
        // Microsoft.Data.Sqlite writes a DateTimeOffset in the same text form EF reads.
        var now = clock.GetUtcNow();
        using var transaction = connection.BeginTransaction();
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO InboundEvents (WebhookKey, Body, Source, ReceivedAt, Status) VALUES ($key, $body, $source, $at, 0)";
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Blob);
            var source = insert.Parameters.Add("$source", SqliteType.Integer);
            insert.Parameters.AddWithValue("$at", now);
            insert.Prepare();
            foreach (var pending in batch)
            {
                (key.Value, body.Value, source.Value) = (pending.WebhookKey, pending.Body, (int)pending.Source);
                insert.ExecuteNonQuery();
            }
        }

        using (var touch = connection.CreateCommand())
        {
            // "Last event received" for the Setup page, once per batch rather than once per event.
            touch.Transaction = transaction;
            touch.CommandText = "UPDATE XAccounts SET LastEventAt = $at WHERE WebhookKey = $key";
            var key = touch.Parameters.Add("$key", SqliteType.Text);
            touch.Parameters.AddWithValue("$at", now);
            foreach (var webhookKey in batch.Select(p => p.WebhookKey).Distinct(StringComparer.Ordinal))
            {
                key.Value = webhookKey;
                touch.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} inbound events; they were answered 500 so X sends them again")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    private sealed record PendingEvent(string WebhookKey, byte[] Body, InboundSource Source)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
