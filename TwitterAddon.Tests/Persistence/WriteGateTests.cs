using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Team;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Persistence;

/// <summary>
/// Every write of the process passes the one write gate, whoever makes it (SaveChanges, Identity, statements,
/// raw SQL), because the context enforces it; reads never wait for it.
/// </summary>
public sealed class WriteGateTests : IAsyncLifetime
{
    private readonly GateProbe probe = new();
    private CoreHost host = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The probe runs after the product's own interceptors, on every context the product makes.
        host = await CoreHost.StartAsync(services => services.ConfigureDbContext<TwitterAddonDbContext>((_, o) => o.AddInterceptors(probe)));
        probe.Gate = host.Services.GetRequiredService<DatabaseWriteGate>();
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task EveryKindOfWrite_RunsWhileTheGateIsHeld_AndReadsRunWithoutIt()
    {
        await using (var scope = host.CreateScope())
        {
            var team = scope.ServiceProvider.GetRequiredService<TeamService>();
            Assert.True((await team.CreateFirstAdministratorAsync(
                new NewTeamMember { DisplayName = "Ada Admin", Email = "ada@example.com", Password = "correct horse battery" }, Ct)).Succeeded);
        }

        await using (var db = await Contexts().CreateDbContextAsync(Ct))
        {
            var customer = Contact.Of("5000", "Jane", "jane_doe");
            var conversation = Conversation.StartDirectMessage("1000000001", customer, DateTimeOffset.UtcNow);
            var message = Message.FromCustomer("dm-1", "Hello", DateTimeOffset.UtcNow, customer);
            conversation.Add(message);
            db.Messages.Add(message);
            await db.SaveChangesAsync(Ct);
            await db.Conversations.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastMessagePreview, "Hi"), Ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO CrcChecks (WebhookKey, AnsweredAt) VALUES ('k', 1)", Ct);
            await db.CrcChecks.ExecuteDeleteAsync(Ct);
            Assert.Equal(1, await db.Messages.CountAsync(Ct));
        }

        Assert.Contains(probe.Commands, c => c.Sql.StartsWith("INSERT INTO \"AspNetUsers\"", StringComparison.Ordinal));
        Assert.Contains(probe.Commands, c => c.Sql.StartsWith("UPDATE \"Conversations\"", StringComparison.Ordinal));
        Assert.Contains(probe.Commands, c => c.Sql.StartsWith("DELETE FROM \"CrcChecks\"", StringComparison.Ordinal));
        Assert.All(probe.Commands.Where(c => c.IsWrite), c => Assert.True(c.GateHeld, "Written without the gate: " + c.Sql));
        Assert.All(probe.Commands.Where(c => !c.IsWrite), c => Assert.False(c.GateHeld, "A read took the gate: " + c.Sql));
    }

    [Fact]
    public async Task AWriteWaitsForTheGate_WhileAReadGoesAhead()
    {
        var gate = host.Services.GetRequiredService<DatabaseWriteGate>();
        Task write;
        using (await gate.EnterAsync(Ct))
        {
            write = Task.Run(async () =>
            {
                await using var db = await Contexts().CreateDbContextAsync(Ct);
                db.CrcChecks.Add(new CrcCheck { WebhookKey = "waiting", AnsweredAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync(Ct);
            }, Ct);
            await WaitUntilAsync(() => gate.Waiting == 1);

            await using var reader = await Contexts().CreateDbContextAsync(Ct);
            Assert.Equal(0, await reader.CrcChecks.CountAsync(Ct));
            Assert.False(write.IsCompleted);
        }

        await write.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await using var after = await Contexts().CreateDbContextAsync(Ct);
        Assert.Equal(1, await after.CrcChecks.CountAsync(Ct));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The write never reached the gate.");
            await Task.Delay(5, Ct);
        }
    }

    private IDbContextFactory<TwitterAddonDbContext> Contexts() => host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>();

    /// <summary>Records each command EF runs and whether the write gate was held at that moment.</summary>
    private sealed class GateProbe : DbCommandInterceptor
    {
        private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

        public DatabaseWriteGate? Gate { get; set; }

        public List<(string Sql, bool IsWrite, bool GateHeld)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command)
        {
            if (Gate is null)
            {
                return; // the host's own start (migrations)
            }

            var sql = command.CommandText.TrimStart();
            var isWrite = WriteVerbs.Any(v => sql.StartsWith(v, StringComparison.OrdinalIgnoreCase));
            lock (Commands)
            {
                Commands.Add((sql, isWrite, Gate.IsHeld));
            }
        }
    }
}
