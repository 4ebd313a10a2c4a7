using System.Net;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Tests.Inbound;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Persistence;

/// <summary>An install moves from its SQLite file to PostgreSQL (move-to-postgresql) and carries on there.</summary>
public sealed class DatabaseMoveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRowAndTheKeys_Move_AndThePortalCarriesOnOnPostgreSql()
    {
        using var sqlite = new TestDatabase();
        using var postgres = TestDatabase.For(DatabaseProvider.PostgreSql);
        await using (var before = await InboundHarness.StartAsync(database: sqlite))
        {
            Assert.Equal(HttpStatusCode.OK, (await before.PostSignedAsync(SignedPayloads.DirectMessage("9801", "1000000002", "Where is my order?"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await before.PostSignedAsync(SignedPayloads.DirectMessage("9802", "1000000003", "Paket saya belum sampai 🙏"))).StatusCode);
            await before.EventsAfterProcessingAsync(2);
        }

        var move = new DatabaseMove(sqlite.ConnectionString, Path.Combine(sqlite.Folder, "keys"), postgres.ConnectionString);
        var moved = await move.RunAsync(new Progress<string>(), Ct);

        Assert.Contains(moved, m => m.Table == "Messages" && m.Rows == 2);
        Assert.Contains(moved, m => m.Table == "XAccounts" && m.Rows == 1);
        Assert.Contains(moved, m => m.Table == "Channels" && m.Rows == 2);
        Assert.Contains(moved, m => m.Table == "Data Protection keys (files)" && m.Rows >= 1);
        await AssertSameRowsAsync(sqlite, postgres, moved.Where(m => m.Table != "Data Protection keys (files)"));

        // A second run finds data there and refuses: nothing is merged.
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => move.RunAsync(new Progress<string>(), Ct));
        Assert.StartsWith("The PostgreSQL database already holds data", again.Message, StringComparison.Ordinal);

        // The portal on PostgreSQL decrypts the account's secret with the moved keys (X's CRC and signatures work),
        // and a new DM gets a new id after the moved ones.
        await using var after = await InboundHarness.ResumeAsync(postgres);
        var crc = await after.Http.GetAsync($"webhooks/twitter/{after.WebhookKey}?crc_token=abcdefghijklmnop", Ct);
        Assert.Equal(HttpStatusCode.OK, crc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.PostSignedAsync(SignedPayloads.DirectMessage("9901", "1000000077", "After the move"))).StatusCode);
        var events = await after.EventsAfterProcessingAsync(3);
        Assert.Equal(InboundEventStatus.Processed, events.OrderBy(e => e.Id).Last().Status);
        Assert.Equal(3, (await after.MessagesAsync()).Select(m => m.Id).Distinct().Count());
    }

    private static async Task AssertSameRowsAsync(TestDatabase sqlite, TestDatabase postgres, IEnumerable<(string Table, int Rows)> moved)
    {
        await using var from = new TwitterAddonDbContext(DatabaseContextOptions.Sqlite(sqlite.ConnectionString));
        await using var to = new TwitterAddonDbContext(DatabaseContextOptions.PostgreSql(postgres.ConnectionString));
        foreach (var (table, rows) in moved)
        {
            // Table names from the model.
            var count = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"";
            Assert.Equal(await from.Database.SqlQueryRaw<long>(count).SingleAsync(Ct), rows);
            Assert.Equal(await to.Database.SqlQueryRaw<long>(count).SingleAsync(Ct), rows);
        }
    }
}
