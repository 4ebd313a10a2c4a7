using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;
using InboxPageComponent = TwitterAddon.Web.Components.Pages.Inbox.Inbox;

namespace TwitterAddon.Tests.InboxPage;

/// <summary>The inbox follows changes live; a refresh that fails shows on the page instead of breaking the circuit or the notifier.</summary>
public sealed class InboxLiveTests : CoreMudTestContext
{
    public InboxLiveTests() => Auth.SetAuthorized("john@example.com");

    [Fact]
    public async Task ANewConversation_AppearsWithoutReload()
    {
        var page = RenderInbox();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=inbox-empty]")));

        Services.GetRequiredService<InboxNotifier>().ConversationChanged(await AddConversationAsync("Jane Doe"));

        page.WaitForAssertion(() => Assert.Contains("Jane Doe", page.Markup));
    }

    [Fact]
    public async Task ARefreshThatFails_ShowsThePagesError_AndTheNotifierKeepsServingOthers()
    {
        var page = RenderInbox();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=inbox-empty]")));
        var others = new SemaphoreSlim(0);
        using var otherPage = Services.GetRequiredService<InboxNotifier>().Subscribe(_ =>
        {
            others.Release();
            return Task.CompletedTask;
        });
        await using (var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE Messages; DROP TABLE Conversations;", Ct);
        }

        Services.GetRequiredService<InboxNotifier>().EverythingChanged();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=page-error]")));
        Assert.True(await others.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task AFollowUpInTheOpenConversation_StaysUnreadUntilTheAgentActsInIt()
    {
        var id = await AddConversationAsync("Jane Doe");
        var page = RenderInbox(id);
        page.WaitForAssertion(() => Assert.Contains("Where is my order?", page.Find("[data-testid=thread]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=unread]"));

        await Services.AddCustomerMessageAsync(id, "Any news?");
        Services.GetRequiredService<InboxNotifier>().ConversationChanged(id);

        // The tab may be unwatched: the follow-up is shown, and it stays unread in the list and under the Unread filter.
        page.WaitForAssertion(() => Assert.Contains("Any news?", page.Find("[data-testid=thread]").TextContent));
        Assert.Equal("1", page.Find("[data-testid=unread]").TextContent);
        Assert.Equal("1 new message", page.Find("[data-testid=new-messages] .mud-chip").TextContent.Trim());
        Assert.Equal(1, await UnreadCountAsync(id));

        await page.Find("[data-testid=mark-read]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=unread]")));
        Assert.Empty(page.FindAll("[data-testid=new-messages]"));
        Assert.Equal(0, await UnreadCountAsync(id));
    }

    [Fact]
    public async Task AReplyTheOutboxGivesUpOn_ShowsOnItsRowLive_AndUnderUnreadOrFailed()
    {
        await ReadAsync(await AddConversationAsync("Budi Santoso", "5001"));
        var id = await AddConversationAsync("Jane Doe");
        long replyId;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == id, Ct);
            conversation.MarkRead();
            var reply = Message.Reply("On its way", "John Doe", null, DateTimeOffset.UtcNow);
            conversation.AddReply(reply);
            db.Messages.Add(reply);
            await db.SaveChangesAsync(Ct);
            replyId = reply.Id;
        }

        var page = RenderInbox();
        page.WaitForAssertion(() => Assert.Contains("Jane Doe", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=failed-reply]"));

        await using (var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            (await db.Messages.SingleAsync(m => m.Id == replyId, Ct)).Fail("X refused it: the customer does not accept DMs from you.");
            await db.SaveChangesAsync(Ct);
        }

        Services.GetRequiredService<InboxNotifier>().ConversationChanged(id);

        page.WaitForAssertion(() => Assert.Equal("Reply failed", page.Find($"[data-testid=conversation-{id}] [data-testid=failed-reply]").TextContent));
        page.Find("input[data-testid=filter-unread]").Change(true);

        // Read, with its failed reply, it is what the filter finds; the read conversation without one is left out.
        page.WaitForAssertion(() => Assert.Equal([$"conversation-{id}"], page.FindAll("a.conversation-row").Select(r => r.GetAttribute("data-testid"))));
    }

    private IRenderedComponent<ErrorBoundary> RenderInbox(int? conversationId = null) =>
        Render<ErrorBoundary>(p => p
            .AddChildContent<InboxPageComponent>(inbox => inbox.Add(c => c.ConversationId, conversationId))
            .Add(b => b.ErrorContent, _ => builder => builder.AddMarkupContent(0, "<p data-testid=\"page-error\">This page ran into a problem.</p>")));

    private async Task ReadAsync(int conversationId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        (await db.Conversations.SingleAsync(c => c.Id == conversationId, Ct)).MarkRead();
        await db.SaveChangesAsync(Ct);
    }

    private async Task<int> AddConversationAsync(string name, string customerId = "5000")
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var customer = Contact.Of(customerId, name, "jane_doe");
        var conversation = Conversation.StartDirectMessage("1000000001", customer, DateTimeOffset.UtcNow);
        var message = Message.FromCustomer("dm-" + customerId, "Where is my order?", DateTimeOffset.UtcNow, customer);
        conversation.Add(message);
        db.Messages.Add(message);
        await db.SaveChangesAsync(Ct);
        return conversation.Id;
    }

    private async Task<int> UnreadCountAsync(int conversationId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        return await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.UnreadCount).SingleAsync(Ct);
    }
}
