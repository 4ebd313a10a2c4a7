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

        await AddConversationAsync("Jane Doe");
        Services.GetRequiredService<InboxNotifier>().Notify();

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

        Services.GetRequiredService<InboxNotifier>().Notify();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=page-error]")));
        Assert.True(await others.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    private IRenderedComponent<ErrorBoundary> RenderInbox() =>
        Render<ErrorBoundary>(p => p
            .AddChildContent<InboxPageComponent>()
            .Add(b => b.ErrorContent, _ => builder => builder.AddMarkupContent(0, "<p data-testid=\"page-error\">This page ran into a problem.</p>")));

    private async Task AddConversationAsync(string name)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var customer = Contact.Of("5000", name, "jane_doe");
        var conversation = Conversation.StartDirectMessage("1000000001", customer, DateTimeOffset.UtcNow);
        var message = Message.FromCustomer("dm-1", "Where is my order?", DateTimeOffset.UtcNow, customer);
        conversation.Add(message);
        db.Messages.Add(message);
        await db.SaveChangesAsync(Ct);
    }
}
