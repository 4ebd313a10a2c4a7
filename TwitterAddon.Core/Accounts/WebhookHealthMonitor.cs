using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TwitterAddon.Core.Accounts;

/// <summary>
/// On start and every 15 minutes, asks X whether our webhook is valid and the account subscribed, and
/// re-validates an invalid webhook: X stops delivering silently otherwise (peers' most common complaint).
/// </summary>
internal sealed class WebhookHealthMonitor(IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AccountService>().RefreshStatusAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
