using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Instances;
using TwitterAddon.Core.Operations;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Operations;

/// <summary>The readiness check, on the queue readings (no worker runs in <see cref="CoreHost"/>, so stored events wait).</summary>
public class WorkersReadinessTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000));
    private CoreHost host = default!;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WorkQueueMonitor Queues => host.Services.GetRequiredService<WorkQueueMonitor>();

    public async ValueTask InitializeAsync()
    {
        host = await CoreHost.StartAsync(services => services.AddSingleton<TimeProvider>(clock), provider: Provider);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            // On PostgreSQL a ready instance also hears the others: the relay is the one hosted service started here.
            await Relay.StartAsync(Ct);
            await Relay.FirstListening.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Relay.StopAsync(CancellationToken.None);
        await host.DisposeAsync();
    }

    private InstanceRelay Relay => host.Services.GetRequiredService<InstanceRelay>();

    [Fact]
    public async Task AnEventWaitingOverAMinute_MakesTheInstanceNotReady_UntilItIsProcessed()
    {
        var stored = await StoreEventAsync();
        await Queues.RefreshAsync(Ct);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);

        clock.Advance(TimeSpan.FromSeconds(61));
        // This instance runs the inbound worker (on PostgreSQL it holds the lease; on SQLite it always does).
        Assert.True(await host.Services.GetRequiredService<WorkerLeases>().HoldAsync(InboundWorker.LeaseName, Ct));
        await Queues.RefreshAsync(Ct);
        var late = await CheckAsync();
        Assert.Equal(HealthStatus.Unhealthy, late.Status);
        Assert.Equal("1 inbound events wait; the oldest for 61 s.", late.Description);
        Assert.Equal(1, Queues.Latest!.EventsWaiting);

        await ConcludeAsync(stored);
        await Queues.RefreshAsync(Ct);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        Assert.Equal(0, Queues.Latest!.EventsWaiting);
    }

    [Fact]
    public async Task AReadingThatGrowsOld_MakesTheInstanceNotReady()
    {
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
        await Queues.RefreshAsync(Ct);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);

        clock.Advance(3 * WorkQueueMonitor.Interval + TimeSpan.FromSeconds(1));

        var stale = await CheckAsync();
        Assert.Equal(HealthStatus.Unhealthy, stale.Status);
        Assert.StartsWith("The work queues have not been read lately", stale.Description, StringComparison.Ordinal);
    }

    private Task<HealthCheckResult> CheckAsync() =>
        host.Services.GetRequiredService<WorkersReadiness>().CheckHealthAsync(new HealthCheckContext(), Ct);

    private async Task<long> StoreEventAsync()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var stored = new InboundEvent { WebhookKey = "k", Body = "{}"u8.ToArray(), ReceivedAt = clock.GetUtcNow() };
        db.InboundEvents.Add(stored);
        await db.SaveChangesAsync(Ct);
        return stored.Id;
    }

    private async Task ConcludeAsync(long id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        (await db.InboundEvents.SingleAsync(e => e.Id == id, Ct)).Conclude(InboundEventStatus.Ignored, "test", clock.GetUtcNow());
        await db.SaveChangesAsync(Ct);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class WorkersReadinessTestsOnPostgreSql : WorkersReadinessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
