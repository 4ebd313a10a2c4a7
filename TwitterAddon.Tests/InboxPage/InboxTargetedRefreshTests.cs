using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;
using TwitterAddon.Tests.Infrastructure;
using InboxPageComponent = TwitterAddon.Web.Components.Pages.Inbox.Inbox;

namespace TwitterAddon.Tests.InboxPage;

/// <summary>A change redraws the row of the conversation it touched, wherever the filters and the loaded pages put it.</summary>
public sealed class InboxTargetedRefreshTests : CoreMudTestContext
{
    private readonly DateTimeOffset start = DateTimeOffset.UtcNow.AddHours(-1);

    public InboxTargetedRefreshTests() => Auth.SetAuthorized("john@example.com");

    [Fact]
    public async Task ACustomerWritingInAConversationOnTheSecondPage_MovesItToTheTop_AndKeepsBothPagesLoaded()
    {
        var ids = await Services.AddConversationsAsync(60, "Where is my order?", start);
        var page = Render<InboxPageComponent>();
        page.WaitForAssertion(() => Assert.Equal(50, Rows(page).Count));
        await page.Find("[data-testid=load-more]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(60, Rows(page).Count));

        var oldest = ids[0];
        await Services.AddCustomerMessageAsync(oldest, "Any news?");
        Changed(oldest);

        page.WaitForAssertion(() => Assert.Contains("Any news?", Rows(page)[0].TextContent));
        Assert.Equal(60, Rows(page).Count);
    }

    [Fact]
    public async Task UnderASearch_ANewMatchAppears_AndAChangeThatDoesNotMatchStaysOut()
    {
        var ids = await Services.AddConversationsAsync(3, "Where is my order?", start);
        await Services.AddCustomerMessageAsync(ids[0], "my parcel is late");
        var page = Render<InboxPageComponent>();
        page.WaitForAssertion(() => Assert.Equal(3, Rows(page).Count));
        page.Find("input[data-testid=search]").Input("parcel");
        page.WaitForAssertion(() => Assert.Single(Rows(page)));

        await Services.AddCustomerMessageAsync(ids[1], "the parcel never came");
        await Services.AddCustomerMessageAsync(ids[2], "hello?");
        Changed(ids[1], ids[2]);

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        Assert.Contains("the parcel never came", Rows(page)[0].TextContent);
    }

    [Fact]
    public async Task AConversationResolvedElsewhere_LeavesTheOpenList()
    {
        var ids = await Services.AddConversationsAsync(2, "Where is my order?", start);
        var page = Render<InboxPageComponent>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));

        await Services.GetRequiredService<InboxService>().SetStatusAsync(ids[1], ConversationStatus.Resolved, Ct);

        page.WaitForAssertion(() => Assert.Single(Rows(page)));
    }

    private void Changed(params int[] ids) => Services.GetRequiredService<InboxNotifier>().ConversationsChanged(ids);

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<InboxPageComponent> page) =>
        page.FindAll("[data-testid=conversation-list] .conversation-row");
}
