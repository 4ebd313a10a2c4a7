using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Inbox;

/// <summary>The list the agents read: newest first, paged, filtered, searched; read, resolve and reopen.</summary>
public class InboxServiceTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const int Conversations = 120;
    private CoreHost host = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await CoreHost.StartAsync(provider: Provider);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Conversations; i++)
        {
            var contact = Contact.Of($"{5000 + i}", $"Customer {i}", $"customer_{i}");
            var conversation = i % 2 == 0
                ? Conversation.StartDirectMessage("1000000001", contact, start)
                : Conversation.StartThread("1000000001", $"{9000 + i}", contact, start);
            var message = Message.FromCustomer($"{7000 + i}", i == 7 ? "my refund please" : "hello", start.AddMinutes(i), contact);
            conversation.Add(message);
            if (i % 3 != 0)
            {
                conversation.MarkRead();
            }

            db.Messages.Add(message);
        }

        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ThePages_AreNewestFirst_AndSayWhenMoreFollow()
    {
        var first = await Service().ListAsync(new(), 0, Ct);
        var last = await Service().ListAsync(new(), 100, Ct);

        Assert.Equal((50, true, "Customer 119"), (first.Items.Count, first.HasMore, first.Items[0].ContactName));
        Assert.Equal((20, false, "Customer 0"), (last.Items.Count, last.HasMore, last.Items[^1].ContactName));
    }

    [Fact]
    public async Task Filters_AndSearchByHandleOrText()
    {
        Assert.All((await Service().ListAsync(new(Kind: ChannelKind.Mention), 0, Ct)).Items, c => Assert.Equal(ChannelKind.Mention, c.Kind));
        Assert.Equal(40, (await Service().ListAsync(new(UnreadOnly: true), 0, Ct)).Items.Count);
        Assert.Equal("Customer 7", Assert.Single((await Service().ListAsync(new(Search: "refund"), 0, Ct)).Items).ContactName);
        Assert.Equal("Customer 42", Assert.Single((await Service().ListAsync(new(Search: "@customer_42"), 0, Ct)).Items).ContactName);
        Assert.Empty((await Service().ListAsync(new(Search: "100%_"), 0, Ct)).Items);
    }

    [Fact]
    public async Task Opening_ClearsUnread_ResolveMovesItOutOfOpen_AndReopenBringsItBack()
    {
        var id = (await Service().ListAsync(new(Search: "customer_99"), 0, Ct)).Items.Single().Id;

        await Service().MarkReadAsync(id, seenUpTo: null, Ct);
        await Service().SetStatusAsync(id, ConversationStatus.Resolved, Ct);

        Assert.Empty((await Service().ListAsync(new(Search: "customer_99"), 0, Ct)).Items);
        var resolved = Assert.Single((await Service().ListAsync(new(Status: ConversationStatus.Resolved), 0, Ct)).Items);
        Assert.Equal((id, 0), (resolved.Id, resolved.UnreadCount));
        await Service().SetStatusAsync(id, ConversationStatus.Open, Ct);
        Assert.Single((await Service().ListAsync(new(Search: "customer_99"), 0, Ct)).Items);
    }

    [Fact]
    public async Task AFailedReply_ShowsOnItsRow_AndUnderUnreadOrFailed_UntilItIsRetried()
    {
        // Customer 4 (a DM, read): the agent's reply failed at X.
        var id = (await Service().ListAsync(new(Search: "@customer_4"), 0, Ct)).Items.Single(c => c.ContactScreenName == "customer_4").Id;
        long replyId;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == id, Ct);
            var reply = Message.Reply("Here you go", "John Doe", null, DateTimeOffset.UtcNow);
            conversation.AddReply(reply);
            db.Messages.Add(reply);
            reply.Fail("X does not allow sending this person a DM.");
            await db.SaveChangesAsync(Ct);
            replyId = reply.Id;
        }

        var attention = (await Service().ListAsync(new(UnreadOnly: true), 0, Ct)).Items;
        Assert.True(Assert.Single(attention, c => c.Id == id).HasFailedReply);
        Assert.Equal(41, attention.Count);

        using var scope = host.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<TwitterAddon.Core.Outbox.ReplyService>().RetryAsync(replyId, Ct)).Queued);
        Assert.DoesNotContain((await Service().ListAsync(new(UnreadOnly: true), 0, Ct)).Items, c => c.Id == id);
        Assert.False((await Service().ListAsync(new(Search: "@customer_4"), 0, Ct)).Items.Single(c => c.Id == id).HasFailedReply);
    }

    [Fact]
    public async Task AFailedReply_IsSettled_ByALaterReplyThatReachedX()
    {
        var id = (await Service().ListAsync(new(Search: "@customer_5"), 0, Ct)).Items.Single(c => c.ContactScreenName == "customer_5").Id;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == id, Ct);
            await AddFailedReplyAsync(db, conversation, "first try");
            Assert.False(await AddSentReplyAsync(db, conversation, "second try"));
        }

        Assert.False((await Service().ListAsync(new(Search: "@customer_5"), 0, Ct)).Items.Single(c => c.Id == id).HasFailedReply);
        Assert.DoesNotContain((await Service().ListAsync(new(UnreadOnly: true), 0, Ct)).Items, c => c.Id == id);
    }

    [Fact]
    public async Task OneRowReadAlone_IsShownUnderExactlyTheFiltersTheListShowsItUnder()
    {
        // Beside the seeded DMs and mentions, read and unread: a failed reply in a read one and in an unread one, a
        // failed reply settled by a later one X took, and a resolved conversation.
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            var conversations = await db.Conversations.OrderBy(c => c.Id).Take(10).ToListAsync(Ct);
            foreach (var (conversation, settled) in new[] { (conversations[3], false), (conversations[4], false), (conversations[5], true) })
            {
                await AddFailedReplyAsync(db, conversation, "Here you go");
                if (settled)
                {
                    await AddSentReplyAsync(db, conversation, "Here you go again");
                }
            }

            conversations[9].Resolve();
            await db.SaveChangesAsync(Ct);
        }

        var position = host.Services.GetRequiredService<TwitterAddon.Core.Live.InboxNotifier>().Position;
        var service = Service();
        var everyId = await ListedAsync(service, new(Status: null));
        Assert.Equal(Conversations, everyId.Count);
        foreach (var kind in new ChannelKind?[] { null, ChannelKind.DirectMessage, ChannelKind.Mention })
        {
            foreach (var status in new ConversationStatus?[] { null, ConversationStatus.Open, ConversationStatus.Resolved })
            {
                foreach (var unread in new[] { false, true })
                {
                    var filter = new ConversationFilter(kind, status, unread);
                    var listed = await ListedAsync(service, filter);
                    foreach (var id in everyId)
                    {
                        Assert.True(listed.Contains(id) == (await service.ListOneAsync(filter, id, position, Ct) is not null), $"{filter}, conversation {id}");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task MarkingRead_LeavesUnreadAMessageNewerThanTheAgentsScreen()
    {
        var unread = (await Service().ListAsync(new(UnreadOnly: true), 0, Ct)).Items[0];
        var shown = (await Service().GetAsync(unread.Id, Ct))!.Messages.Max(m => m.Id);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            var conversation = await db.Conversations.Include(c => c.Contact).SingleAsync(c => c.Id == unread.Id, Ct);
            var message = Message.FromCustomer("late-one", "are you there?", DateTimeOffset.UtcNow, conversation.Contact);
            conversation.Add(message);
            db.Messages.Add(message);
            await db.SaveChangesAsync(Ct);
        }

        Assert.False(await Service().MarkReadAsync(unread.Id, shown, Ct));
        Assert.Contains((await Service().ListAsync(new(UnreadOnly: true), 0, Ct)).Items, c => c.Id == unread.Id);
        var newest = (await Service().GetAsync(unread.Id, Ct))!.Messages.Max(m => m.Id);
        Assert.True(await Service().MarkReadAsync(unread.Id, newest, Ct));
    }

    [Fact]
    public async Task TheOpenConversation_ListsTheCustomersOtherConversations()
    {
        int dm, thread;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            var jane = Contact.Of("6000", "Jane Doe", "jane_doe");
            var direct = Conversation.StartDirectMessage("1000000001", jane, DateTimeOffset.UtcNow);
            var mention = Conversation.StartThread("1000000001", "9999", jane, DateTimeOffset.UtcNow);
            foreach (var (conversation, xId) in new[] { (direct, "dm-jane"), (mention, "9999") })
            {
                var message = Message.FromCustomer(xId, "about my order", DateTimeOffset.UtcNow, jane);
                conversation.Add(message);
                db.Messages.Add(message);
            }

            await db.SaveChangesAsync(Ct);
            (dm, thread) = (direct.Id, mention.Id);
        }

        var others = (await Service().GetAsync(dm, Ct))!.OtherConversations!;

        Assert.Equal((thread, ChannelKind.Mention), (Assert.Single(others).Id, others[0].Kind));
        Assert.Equal(dm, Assert.Single((await Service().GetAsync(thread, Ct))!.OtherConversations!).Id);
    }

    private static async Task<HashSet<int>> ListedAsync(InboxService service, ConversationFilter filter) =>
        [.. (await service.ListFirstAsync(filter, Conversations, afterChange: null, Ct)).Items.Select(c => c.Id)];

    private static async Task AddFailedReplyAsync(TwitterAddonDbContext db, Conversation conversation, string text)
    {
        var reply = Message.Reply(text, "John Doe", null, DateTimeOffset.UtcNow);
        conversation.AddReply(reply);
        db.Messages.Add(reply);
        reply.Fail("X refused it.");
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A reply X took; what its attempt's BeginAttempt answered (true: an earlier attempt's outcome was unknown).</summary>
    private static async Task<bool> AddSentReplyAsync(TwitterAddonDbContext db, Conversation conversation, string text)
    {
        var reply = Message.Reply(text, "John Doe", null, DateTimeOffset.UtcNow);
        conversation.AddReply(reply);
        db.Messages.Add(reply);
        await db.SaveChangesAsync(Ct);
        var attemptedBefore = reply.BeginAttempt(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        reply.RecordSent($"x-{reply.Id}", echoSeen: false);
        await db.SaveChangesAsync(Ct);
        return attemptedBefore;
    }

    private InboxService Service() => host.CreateScope().ServiceProvider.GetRequiredService<InboxService>();
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class InboxServiceTestsOnPostgreSql : InboxServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
