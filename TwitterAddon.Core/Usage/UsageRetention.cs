using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Usage;

/// <summary>Forgets counts older than the retention the admin set, every few hours.</summary>
public sealed partial class UsageRetention(IDbContextFactory<TwitterAddonDbContext> contexts, TimeProvider clock, ILogger<UsageRetention> logger)
{
    /// <summary>Deletes the records of days before the retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.UsageSettingsOrDefaultsAsync(cancellationToken);
        var oldestKept = UsageMonth.Today(clock).AddDays(1 - settings.RetentionDays);
        var deleted = await db.UsageRecords.Where(r => r.Day < oldestKept).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogPurged(logger, deleted, oldestKept);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Usage: {Count} counts from before {OldestKept} deleted (retention)")]
    private static partial void LogPurged(ILogger logger, int count, DateOnly oldestKept);
}

/// <summary>Runs <see cref="UsageRetention"/> at start and every 6 hours; a failure is logged and tried next time.</summary>
internal sealed partial class UsageRetentionWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UsageRetentionWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<UsageRetention>().PurgeAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPurgeFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Usage retention failed; it runs again in 6 hours")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
