using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Concurrency;

/// <summary>
/// A background worker that drains a durable queue in the database: a round at a time while there is work,
/// then it sleeps until its <see cref="WakeSignal"/> or the next poll (so nothing waits on a lost wake-up).
/// A database error is logged and retried a second later; the queue is still there. Every wait is on the
/// injected clock, so tests can drive a worker with a fake one.
/// </summary>
public abstract partial class DrainingWorker(WakeSignal signal, TimeSpan pollInterval, TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    /// <summary>The one clock of the worker and its subclass.</summary>
    protected TimeProvider Clock { get; } = clock;

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
                    await signal.WaitAsync(pollInterval, Clock, stoppingToken);
                }
                else if (PauseAfterRound > TimeSpan.Zero)
                {
                    await Task.Delay(PauseAfterRound, Clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                LogRoundFailed(logger, GetType().Name, e);
                await Task.Delay(RetryAfterFailure, Clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} failed; retrying in a second")]
    private static partial void LogRoundFailed(ILogger logger, string worker, Exception exception);
}
