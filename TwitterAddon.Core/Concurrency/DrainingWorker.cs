using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Concurrency;

/// <summary>
/// A background worker that drains a durable queue in the database: a round at a time while there is work,
/// then it sleeps until its <see cref="WakeSignal"/> or the next poll (so nothing waits on a lost wake-up).
/// A database error is logged and retried a second later; the queue is still there.
/// </summary>
public abstract partial class DrainingWorker(WakeSignal signal, TimeSpan pollInterval, ILogger logger) : BackgroundService
{
    /// <summary>Does one round of work; returns how many items it took (0: the queue is empty).</summary>
    public abstract Task<int> DrainOnceAsync(CancellationToken cancellationToken);

    /// <summary>How long to rest after a round that found work (zero: go on at once).</summary>
    protected virtual TimeSpan PauseAfterRound => TimeSpan.Zero;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainOnceAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(pollInterval, stoppingToken);
                }
                else if (PauseAfterRound > TimeSpan.Zero)
                {
                    await Task.Delay(PauseAfterRound, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                LogRoundFailed(logger, GetType().Name, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} failed; retrying in a second")]
    private static partial void LogRoundFailed(ILogger logger, string worker, Exception exception);
}
