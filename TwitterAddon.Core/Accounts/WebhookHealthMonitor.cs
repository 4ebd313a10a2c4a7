using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Accounts;

/// <summary>
/// On start and every 15 minutes, asks X whether our webhook is valid and the account subscribed, re-validates an
/// invalid webhook and (v2) asks X to replay what the host missed: X stops delivering silently otherwise (peers'
/// most common complaint).
/// </summary>
internal sealed partial class WebhookHealthMonitor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WebhookHealthMonitor> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            // The first check follows a start: whatever X sent while the host was down is asked back (v2).
            var afterDowntime = true;
            do
            {
                await CheckOnceAsync(afterDowntime, stoppingToken);
                afterDowntime = false;
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A failed check is logged and tried again next time: it must never stop the host.</summary>
    private async Task CheckOnceAsync(bool afterDowntime, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AccountHealth>().CheckAsync(afterDowntime, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCheckFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook status check failed; it runs again in 15 minutes")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
