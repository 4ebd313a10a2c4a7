using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Webhooks;

/// <summary>The ack path writes with its own SQL: what it writes must read back through EF exactly.</summary>
public class InboundEventWriterTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 11, 12, 345, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhatTheWriterStores_ReadsBackThroughTheEfModel()
    {
        await using var host = await CoreHost.StartAsync(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)), provider: Provider);
        var writer = host.Services.GetRequiredService<InboundEventWriter>();
        await writer.StartAsync(Ct);
        var bodies = Enumerable.Range(0, 40).Select(i => Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")).ToList();

        await Task.WhenAll(bodies.Select((body, i) =>
            writer.StoreAsync(i % 2 == 0 ? "webhook-a" : "webhook-b", body, i % 3 == 0 ? InboundSource.Intermediary : InboundSource.Webhook, Ct)));
        await writer.StopAsync(Ct);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.InboundEvents.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(40, stored.Count);
        foreach (var (body, i) in bodies.Select((b, i) => (b, i)))
        {
            var row = Assert.Single(stored, e => e.Body.SequenceEqual(body));
            Assert.Equal(
                (i % 2 == 0 ? "webhook-a" : "webhook-b", i % 3 == 0 ? InboundSource.Intermediary : InboundSource.Webhook, Now, InboundEventStatus.Pending, null, null),
                (row.WebhookKey, row.Source, row.ReceivedAt, row.Status, row.Outcome, row.ProcessedAt));
        }

        // Pending events are the worker's queue: EF finds them by the same stored status.
        Assert.Equal(40, await db.InboundEvents.CountAsync(e => e.Status == InboundEventStatus.Pending, Ct));
    }

    [Fact]
    public async Task AfterStop_NewDeliveriesAreRefused_SoTheyAreAnswered500AndResent()
    {
        await using var host = await CoreHost.StartAsync(provider: Provider);
        var writer = host.Services.GetRequiredService<InboundEventWriter>();
        await writer.StartAsync(Ct);
        await writer.StopAsync(Ct);

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => writer.StoreAsync("webhook-a", [1], InboundSource.Webhook, Ct));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class InboundEventWriterTestsOnPostgreSql : InboundEventWriterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
