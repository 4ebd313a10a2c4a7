using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TwitterAddon.Core.Channels;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>
/// A brand that signs up at X today, in Chromium: Begin Setup on Pay-per-use, a DM and a mention from the Sandbox
/// arrive through the X Activity API, both replies go out on v2 and come back delivered, and Detail Account lists the
/// account's subscriptions at X.
/// </summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class PayPerUseWalkTests : IAsyncLifetime
{
    private BrowserSession session = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => session = await BrowserSession.StartAsync();

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task BeginSetupOnPayPerUse_ThenADmAndAMentionArrive_AndBothRepliesAreDelivered()
    {
        var page = await session.NewVisitorAsync();
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        await page.GotoAsync("/setup");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Begin Setup" }).ClickAsync();
        await Expect(page.Locator("[data-testid=tier-explanation]:visible")).ToContainTextAsync("what new apps get");
        await BrowserSession.ScreenshotAsync(page, "setup-wizard-tier");
        await page.GetByText("Developer access", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByText("New apps get Pay-per-use access")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "setup-wizard-guide");
        await page.GetByText("Connect", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("use-sandbox-credentials").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Env Label" })).ToHaveValueAsync("demo");
        await page.GetByTestId("save-setup").ClickAsync();

        await Expect(page.GetByTestId("account-card")).ToContainTextAsync("Pay-per-use · label \"demo\"");
        await Expect(page.GetByTestId("receiving")).ToHaveTextAsync("Receiving events");
        await page.GetByTestId("detail-account").ClickAsync();
        var subscriptions = page.GetByTestId("subscriptions");
        foreach (var eventType in new[] { "dm.received", "dm.sent", "post.mention.create", "post.reply.create", "post.quote.create", "post.create", "oauth.revoke" })
        {
            await Expect(subscriptions.GetByRole(AriaRole.Row).Filter(new() { HasText = eventType })).ToContainTextAsync("demo");
        }

        await BrowserSession.ScreenshotAsync(page, "setup-detail-account-v2");

        using (var scope = session.Portal.Services.CreateScope())
        {
            var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
            Assert.True((await channels.AddAsync(ChannelKind.DirectMessage, new() { Name = "Acme DMs" }, "ada", Ct)).Succeeded);
            Assert.True((await channels.AddAsync(ChannelKind.Mention, new() { Name = "Acme mentions", AgentInitial = true }, "ada", Ct)).Succeeded);
        }

        var customer = await session.SignedInVisitorAsync("ada@example.com", "correct horse battery");
        await customer.GotoAsync("/sandbox");
        await BrowserSession.WaitForInteractiveAsync(customer);
        await customer.GetByLabel("Message to @AcmeSupport").FillAsync("Hi, is my refund on its way?");
        await customer.GetByTestId("send-dm").ClickAsync();
        await customer.GetByRole(AriaRole.Tab, new() { Name = "Public (mentions)" }).ClickAsync();
        await customer.GetByLabel("Tweet", new() { Exact = true }).FillAsync("@AcmeSupport the app keeps crashing");
        await customer.GetByTestId("post-tweet").ClickAsync();

        await page.GotoAsync("/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);
        var list = page.GetByTestId("conversation-list");
        await Expect(list.GetByText("Hi, is my refund on its way?")).ToBeVisibleAsync();
        await Expect(list.GetByText("the app keeps crashing")).ToBeVisibleAsync();

        await list.GetByText("the app keeps crashing").ClickAsync();
        await Expect(page.GetByTestId("thread")).ToContainTextAsync("the app keeps crashing");
        await page.GetByTestId("reply-text").FillAsync("Sorry about that! An update is on its way.");
        await page.GetByTestId("send").ClickAsync();
        await Expect(page.GetByTestId("thread").GetByTestId("message-status")).ToHaveTextAsync("Delivered");
        await BrowserSession.ScreenshotAsync(page, "inbox-mention-v2");

        // The thread shows the DM before the composer is typed into: the previous conversation's composer is replaced.
        await list.GetByText("Hi, is my refund on its way?").ClickAsync();
        await Expect(page.GetByTestId("thread")).ToContainTextAsync("Hi, is my refund on its way?");
        await page.GetByTestId("reply-text").FillAsync("Yes, it was sent this morning.");
        await page.GetByTestId("send").ClickAsync();
        await Expect(page.GetByTestId("thread").GetByTestId("message-status")).ToHaveTextAsync("Delivered");

        var reply = customer.GetByTestId("tweet").Filter(new() { HasText = "Replying to @jane_doe" });
        await Expect(reply).ToContainTextAsync("Sorry about that! An update is on its way. - A.A");
        await customer.GetByRole(AriaRole.Tab, new() { Name = "Direct Message" }).ClickAsync();
        await Expect(customer.GetByTestId("dm-message").Last).ToContainTextAsync("Yes, it was sent this morning.");
    }
}
