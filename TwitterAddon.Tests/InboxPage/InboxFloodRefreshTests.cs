using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;
using TwitterAddon.Tests.Infrastructure;
using InboxPageComponent = TwitterAddon.Web.Components.Pages.Inbox.Inbox;

namespace TwitterAddon.Tests.InboxPage;

/// <summary>
/// In a flood a tab reloads its rows at most once a second, on the page's clock (a fake one here): whatever changed
/// while a reload waited is shown by it, the open conversation included.
/// </summary>
public sealed class InboxFloodRefreshTests : CoreMudTestContext
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    public InboxFloodRefreshTests()
    {
        Services.AddSingleton<TimeProvider>(clock);
        Auth.SetAuthorized("john@example.com");
    }

    [Fact]
    public async Task TheOpenConversationChangingWhileAFloodReloadWaits_IsShown()
    {
        var ids = await Services.AddConversationsAsync(22, "Where is my order?", clock.GetUtcNow().AddHours(-1));
        var open = ids[0];
        var flood = ids[1..].ToArray();
        var page = Render<InboxPageComponent>(p => p.Add(c => c.ConversationId, open));
        page.WaitForAssertion(() => Assert.Contains("Where is my order?", page.Find("[data-testid=thread]").TextContent));

        // A first flood reloads the list at once...
        await Services.AddCustomerMessageAsync(flood[0], "first flood");
        Changed(flood);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        page.WaitForAssertion(() => Assert.Contains("first flood", Rows(page)[0].TextContent));

        // ...a second within the second waits for it to pass, and the open conversation changes meanwhile.
        await Services.AddCustomerMessageAsync(flood[1], "second flood");
        Changed(flood);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await Services.AddCustomerMessageAsync(open, "while it waited");
        Changed(open);
        clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Contains("second flood", Rows(page)[0].TextContent + Rows(page)[1].TextContent));
        page.WaitForAssertion(() => Assert.Contains("while it waited", page.Find("[data-testid=thread]").TextContent));
    }

    private void Changed(params int[] ids) => Services.GetRequiredService<InboxNotifier>().ConversationsChanged(ids);

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<InboxPageComponent> page) =>
        page.FindAll("[data-testid=conversation-list] .conversation-row");
}
