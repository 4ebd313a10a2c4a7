using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Accounts;

/// <summary>The status check runs at start and every 15 minutes of the injected clock, and revives a webhook X marked invalid.</summary>
public sealed class WebhookHealthMonitorTests : IAsyncLifetime
{
    private DrivenHarness harness = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => harness = await DrivenHarness.StartAsync();

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task EveryFifteenMinutes_XIsAsked_AndAnInvalidWebhookIsRevalidated()
    {
        var monitor = harness.Services.GetServices<IHostedService>().OfType<WebhookHealthMonitor>().Single();
        var start = harness.Clock.GetUtcNow();
        await monitor.StartAsync(Ct);
        await WaitForCheckAtAsync(start);
        lock (harness.World.Gate)
        {
            harness.World.Apps[0].Environments[0].Webhooks[0].Valid = false;
        }

        harness.Clock.Advance(WebhookHealthMonitor.Interval);

        var account = await WaitForCheckAtAsync(start + WebhookHealthMonitor.Interval);
        Assert.True(account.WebhookValid);
        lock (harness.World.Gate)
        {
            Assert.True(harness.World.Apps[0].Environments[0].Webhooks[0].Valid);
        }

        await monitor.StopAsync(Ct);
    }

    private async Task<XAccount> WaitForCheckAtAsync(DateTimeOffset at)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await harness.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
            var account = await db.XAccounts.AsNoTracking().SingleAsync(Ct);
            if (account.LastCheckedAt == at)
            {
                return account;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The check at {at} did not happen (last: {account.LastCheckedAt}).");
            await Task.Delay(10, Ct);
        }
    }
}
