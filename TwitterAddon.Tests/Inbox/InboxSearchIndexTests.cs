using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Inbox;

/// <summary>
/// The inbox search on its FTS5 trigram indexes finds what the LIKE scan it replaced found, on a fixed set of customers
/// and messages in several scripts; it stays in step with every write; and no search, whatever it holds, errors.
/// </summary>
public class InboxSearchIndexTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly (string Name, string Handle, string[] Texts)[] Inbox =
    [
        ("Jane Doe", "jane_doe", ["Where is my order #1234?", "It was due last WEEK."]),
        ("Budi Santoso", "budi_santoso", ["Pesanan saya belum sampai, tolong dicek.", "Terima kasih 🙏"]),
        ("山田太郎", "yamada_t", ["配送状況を教えてください。", "注文番号は5678です"]),
        ("Ana García", "ana_garcia", ["¿Dónde está mi pedido? https://acme.com/track/9", "100% frustrated_with_this"]),
        ("Kim Min-jun", "minjun_k", ["배송이 늦어요", "\"quoted\" words AND operators OR NEAR(stuff) col:umn star*"]),
        ("Jane Roe", "jroe", [new string('x', 9_000) + " needle at the end of a long DM"]),
    ];

    private CoreHost host = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await CoreHost.StartAsync(provider: Provider);
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        foreach (var (customer, index) in Inbox.Select((c, i) => (c, i)))
        {
            var contact = Contact.Of($"{7000 + index}", customer.Name, customer.Handle);
            var conversation = Conversation.StartDirectMessage("1000000001", contact, at);
            foreach (var text in customer.Texts)
            {
                at = at.AddSeconds(1);
                var message = Message.FromCustomer($"dm-{index}-{text.GetHashCode(StringComparison.Ordinal)}", text, at, contact);
                conversation.Add(message);
                db.Messages.Add(message);
            }
        }

        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private IDbContextFactory<TwitterAddonDbContext> Contexts => host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>();

    [Theory]
    [InlineData("order")]
    [InlineData("ORDER #12")]
    [InlineData("@jane")]
    [InlineData("Jane")]
    [InlineData("santoso")]
    [InlineData("belum sampai")]
    [InlineData("配送状況")]
    [InlineData("配送")]
    [InlineData("山田")]
    [InlineData("배송이")]
    [InlineData("🙏")]
    [InlineData("kasih 🙏")]
    [InlineData("acme.com/track")]
    [InlineData("100%")]
    [InlineData("frustrated_with")]
    [InlineData("_")]
    [InlineData("needle at the end")]
    [InlineData("nothing like this")]
    public async Task TheIndexFindsWhatTheScanFound(string search)
    {
        var found = await SearchAsync(search);

        Assert.Equal(await ScanAsync(search), found);
    }

    [Theory]
    [InlineData("\"quoted\"")]
    [InlineData("\"")]
    [InlineData("AND operators OR")]
    [InlineData("NEAR(stuff)")]
    [InlineData("col:umn")]
    [InlineData("star*")]
    [InlineData("^start")]
    [InlineData("a\uD800b")]
    [InlineData("\uDC00\uD800")]
    [InlineData("'; DROP TABLE Messages; --")]
    public async Task ASearchOfAnyContent_AnswersWithoutError(string search)
    {
        var found = await SearchAsync(search);

        Assert.Equal(await ScanAsync(search), found);
    }

    [Fact]
    public async Task EditsAndDeletes_ReachTheIndexInTheSameSave()
    {
        await using (var db = await Contexts.CreateDbContextAsync(Ct))
        {
            var budi = await db.Contacts.SingleAsync(c => c.ScreenName == "budi_santoso", Ct);
            budi.UpdateProfile("Budi Hartono", "budi_h", null, DateTimeOffset.UtcNow);
            db.Messages.Remove(await db.Messages.SingleAsync(m => m.Text == "配送状況を教えてください。", Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty(await SearchAsync("santoso"));
        Assert.Single(await SearchAsync("Hartono"));
        Assert.Empty(await SearchAsync("配送状況"));
        Assert.Single(await SearchAsync("注文番号"));
    }

    [Fact]
    public async Task ACommonWordReadsTheNewestMatchesOnly_AndSaysSo()
    {
        await using (var db = await Contexts.CreateDbContextAsync(Ct))
        {
            var contact = Contact.Of("8000", "Chatty Customer", "chatty");
            var conversation = Conversation.StartDirectMessage("1000000001", contact, DateTimeOffset.UtcNow);
            for (var i = 0; i < InboxSearch.MessagesRead; i++)
            {
                var message = Message.FromCustomer($"chatty-{i}", $"hello again {i}", DateTimeOffset.UtcNow, contact);
                conversation.Add(message);
                db.Messages.Add(message);
            }

            await db.SaveChangesAsync(Ct);
        }

        var page = await host.Services.GetRequiredService<InboxService>().ListAsync(new ConversationFilter(Status: null, Search: "hello again"), 0, Ct);

        Assert.Equal("Chatty Customer", Assert.Single(page.Items).ContactName);
        Assert.Equal(InboxSearch.CappedNote, page.Note);
        Assert.Null((await host.Services.GetRequiredService<InboxService>().ListAsync(new ConversationFilter(Status: null, Search: "needle"), 0, Ct)).Note);
    }

    [Theory]
    [InlineData("Santoso")] // the index
    [InlineData("So")] // too short for it: a scan
    public async Task ManyCustomersNamed_AreFoundNewestFirst_AsTheScanFindsThem(string search)
    {
        // More customers than are looked up by id: the list reads conversations newest first and checks each customer.
        await using (var db = await Contexts.CreateDbContextAsync(Ct))
        {
            var at = DateTimeOffset.UtcNow;
            for (var i = 0; i <= InboxSearch.CustomersListed; i++)
            {
                var contact = Contact.Of($"{20_000 + i}", $"Customer {i} Santoso", $"santoso_{i}");
                var conversation = Conversation.StartDirectMessage("1000000001", contact, at.AddSeconds(i));
                var message = Message.FromCustomer($"many-{i}", "Halo", at.AddSeconds(i), contact);
                conversation.Add(message);
                db.Messages.Add(message);
            }

            await db.SaveChangesAsync(Ct);
        }

        var first = await host.Services.GetRequiredService<InboxService>().ListAsync(new ConversationFilter(Status: null, Search: search), 0, Ct);

        Assert.Equal(InboxService.PageSize, first.Items.Count);
        Assert.Equal($"Customer {InboxSearch.CustomersListed} Santoso", first.Items[0].ContactName);
        Assert.Equal(await ScanAsync(search), await SearchAsync(search));
    }

    [Fact]
    public async Task AShortWord_IsLookedForInTheNewestMessages_AndTheListSaysSo()
    {
        await using (var db = await Contexts.CreateDbContextAsync(Ct))
        {
            // An old message with the word, then more newer messages than a short word's scan reads.
            var contact = Contact.Of("9000", "Old Timer", "old_timer");
            var old = Conversation.StartDirectMessage("1000000001", contact, DateTimeOffset.UtcNow);
            var oldMessage = Message.FromCustomer("old-zq", "ZQ was my code", DateTimeOffset.UtcNow, contact);
            old.Add(oldMessage);
            db.Messages.Add(oldMessage);
            await db.SaveChangesAsync(Ct);
            await db.Database.ExecuteSqlRawAsync(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0}) " +
                "INSERT INTO \"Messages\" (\"ConversationId\", \"XId\", \"Direction\", \"Text\", \"At\", \"Status\", \"AuthorContactId\", \"SummonsAccount\", \"Attempts\") " +
                "SELECT \"ConversationId\", 'filler-' || i, \"Direction\", 'filler', \"At\", \"Status\", \"AuthorContactId\", \"SummonsAccount\", 0 " +
                "FROM n, \"Messages\" WHERE \"Messages\".\"Id\" = {1}",
                [InboxSearch.ShortWordMessages, oldMessage.Id], Ct);
        }

        var inbox = host.Services.GetRequiredService<InboxService>();
        var page = await inbox.ListAsync(new ConversationFilter(Status: null, Search: "ZQ"), 0, Ct);

        Assert.Empty(page.Items);
        Assert.Equal(InboxSearch.ShortWordNote, page.Note);
        // A customer's name is always searched whole, and 3 characters or more reach every message through the index.
        Assert.Equal("Old Timer", Assert.Single((await inbox.ListAsync(new ConversationFilter(Status: null, Search: "Ol"), 0, Ct)).Items).ContactName);
        Assert.Equal("Old Timer", Assert.Single((await inbox.ListAsync(new ConversationFilter(Status: null, Search: "ZQ was"), 0, Ct)).Items).ContactName);
    }

    /// <summary>The conversations the inbox lists for the search, every page.</summary>
    private async Task<List<int>> SearchAsync(string search)
    {
        var inbox = host.Services.GetRequiredService<InboxService>();
        var ids = new List<int>();
        ConversationPage page;
        do
        {
            page = await inbox.ListAsync(new ConversationFilter(Status: null, Search: search), ids.Count, Ct);
            Assert.Null(page.Refused);
            ids.AddRange(page.Items.Select(i => i.Id));
        }
        while (page.HasMore);

        return ids.Order().ToList();
    }

    /// <summary>
    /// What the inbox found before the index: a case-insensitive LIKE over every name, handle and message text
    /// (SQLite's LIKE is; PostgreSQL's is ILIKE).
    /// </summary>
    private async Task<List<int>> ScanAsync(string search)
    {
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        var pattern = InboxSearch.LikePattern(InboxSearch.TermOf(search)!);
        var matching = Provider == DatabaseProvider.PostgreSql
            ? db.Conversations.Where(c => EF.Functions.ILike(c.Contact.Name, pattern, "\\") || EF.Functions.ILike(c.Contact.ScreenName, pattern, "\\")
                || c.Messages.Any(m => EF.Functions.ILike(m.Text, pattern, "\\")))
            : db.Conversations.Where(c => EF.Functions.Like(c.Contact.Name, pattern, "\\") || EF.Functions.Like(c.Contact.ScreenName, pattern, "\\")
                || c.Messages.Any(m => EF.Functions.Like(m.Text, pattern, "\\")));
        return await matching.Select(c => c.Id).OrderBy(id => id).ToListAsync(Ct);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class InboxSearchIndexTestsOnPostgreSql : InboxSearchIndexTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
