using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Renews this instance's <see cref="WorkerLeases"/> every few seconds while it lives, whatever its workers are doing
/// (a send to X may take minutes), and gives them up when the host stops so another instance goes on at once.
/// Registered before the workers, so it stops after them.
/// </summary>
internal sealed partial class LeaseKeeper(WorkerLeases leases, TimeProvider clock, ILogger<LeaseKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(WorkerLeases.RenewEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await leases.RenewHeldAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The workers renew by themselves when they next run; the lease has 15 s.
                    LogRenewFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // They run out by themselves.
            LogRenewFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew or give up this instance's worker leases")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);
}
