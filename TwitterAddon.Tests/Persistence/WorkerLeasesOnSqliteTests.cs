using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Persistence;

/// <summary>On SQLite there is one process, which holds every lease at once (no PostgreSQL server needed).</summary>
public sealed class WorkerLeasesOnSqliteTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnSqlite_TheOneProcessHoldsEveryLease_AndARestartedOneDoesNotWait()
    {
        await using var sqlite = await CoreHost.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        var contexts = sqlite.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>();
        var location = sqlite.Services.GetRequiredService<DatabaseLocation>();
        var (before, after) = (new WorkerLeases(contexts, location, clock), new WorkerLeases(contexts, location, clock));

        Assert.True(await before.HoldAsync("inbound", Ct));
        Assert.True(await after.HoldAsync("inbound", Ct));
        Assert.True(after.Holds("outbox"));
    }
}
