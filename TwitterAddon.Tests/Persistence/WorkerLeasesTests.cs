using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Persistence;

/// <summary>
/// Two instances on one PostgreSQL database (two <see cref="WorkerLeases"/>, each its own holder): one drains, the other
/// takes over when it dies or stops. On SQLite: <see cref="WorkerLeasesOnSqliteTests"/>.
/// </summary>
public sealed class WorkerLeasesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000));
    private CoreHost host = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        host = await CoreHost.StartAsync(services => services.AddSingleton<TimeProvider>(clock), provider: DatabaseProvider.PostgreSql);

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task OneInstanceHoldsALease_TheOtherTakesItOver_OnlyOnceItRunsOut()
    {
        var (a, b) = (NewInstance(), NewInstance());

        Assert.True(await a.HoldAsync("outbox", Ct));
        Assert.False(await b.HoldAsync("outbox", Ct));
        // Another lease is another worker: free.
        Assert.True(await b.HoldAsync("inbound", Ct));

        // A keeps renewing while it lives: B never gets it.
        for (var i = 0; i < 6; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(6));
            Assert.True(await a.HoldAsync("outbox", Ct));
            Assert.False(await b.HoldAsync("outbox", Ct));
        }

        // A dies (stops renewing): B takes it over once the lease has run out, not before.
        clock.Advance(WorkerLeases.Duration - TimeSpan.FromSeconds(1));
        Assert.False(await b.HoldAsync("outbox", Ct));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await b.HoldAsync("outbox", Ct));
        Assert.Equal(b.Holder, await HolderAsync("outbox"));

        // A, back from a long pause, finds it taken once its own time is up.
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.False(await a.HoldAsync("outbox", Ct));
        Assert.True(await b.HoldAsync("outbox", Ct));
    }

    [Fact]
    public async Task AStoppingInstance_GivesItsLeasesUp_AndTheOtherGoesOnAtOnce()
    {
        var (a, b) = (NewInstance(), NewInstance());
        Assert.True(await a.HoldAsync("inbound", Ct));
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(await b.HoldAsync("inbound", Ct));

        await a.ReleaseAsync(Ct);
        // B asks again a moment later (not at every wake-up), and gets it without waiting the lease out.
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(await b.HoldAsync("inbound", Ct));
        Assert.False(a.Holds("inbound"));
    }

    private WorkerLeases NewInstance() =>
        new(host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>(), host.Services.GetRequiredService<DatabaseLocation>(), clock);

    private async Task<string?> HolderAsync(string name)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        return await db.Set<WorkerLease>().Where(l => l.Name == name).Select(l => l.Holder).SingleOrDefaultAsync(Ct);
    }
}
