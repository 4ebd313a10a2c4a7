using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>The Sandbox in Chromium: play a customer, and see the account's reply arrive live as X shows it.</summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class SandboxWalkTests : IAsyncLifetime
{
    private BrowserSession session = default!;

    public async ValueTask InitializeAsync() => session = await BrowserSession.StartAsync();

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task CustomerDmAndMention_Appear_AndTheAccountsReplyShowsLiveWithTheDmButton()
    {
        var page = await session.NewVisitorAsync();
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        await session.Portal.Services.ConnectWithBothChannelsAsync(TwitterAddon.Core.Accounts.AccountTier.Sandbox);
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sandbox", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("sandbox-credentials")).ToContainTextAsync(SandboxSeed.ConsumerKey);

        await page.GetByLabel("Message to @AcmeSupport").FillAsync("Where is my order #1234?");
        await page.GetByTestId("send-dm").ClickAsync();
        await Expect(page.GetByTestId("dm-message")).ToContainTextAsync("Where is my order #1234?");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Public (mentions)" }).ClickAsync();
        await page.GetByLabel("Tweet", new() { Exact = true }).FillAsync("@AcmeSupport my parcel is late");
        await page.GetByTestId("post-tweet").ClickAsync();
        await Expect(page.GetByTestId("public-thread")).ToContainTextAsync("my parcel is late");

        var client = session.Portal.Services.CreateScope().ServiceProvider.GetRequiredService<IXApi>();
        var sandbox = session.Portal.Services.GetRequiredService<Sandbox>();
        var mention = sandbox.PublicThreadOf("1000000002").Single();
        await client.PostReplyAsync(EmulatorHost.SandboxCredentials,
            "Sorry! We're checking now - J.D https://twitter.com/messages/compose?recipient_id=1000000001", mention.Id,
            TestContext.Current.CancellationToken);

        var reply = page.GetByTestId("tweet").Filter(new() { HasText = "Replying to @jane_doe" });
        await Expect(reply).ToContainTextAsync("Sorry! We're checking now - J.D");
        await Expect(reply.GetByTestId("dm-button")).ToHaveTextAsync("Send a private message");
        // The doc's "quote with mention" and retweet, by hand.
        await reply.GetByTestId("quote-action").ClickAsync();
        await Expect(page.GetByTestId("quoting")).ToBeVisibleAsync();
        await page.GetByLabel("Tweet", new() { Exact = true }).FillAsync("@AcmeSupport same problem here");
        await page.GetByTestId("post-tweet").ClickAsync();
        await Expect(page.GetByTestId("quote-note")).ToHaveTextAsync("Quoting @AcmeSupport");
        await reply.GetByTestId("retweet-action").ClickAsync();
        await Expect(page.GetByTestId("retweet-note")).ToHaveTextAsync("Retweeted");
        await Expect(page.GetByTestId("sandbox-error")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "sandbox-public");

        // X's "Send a private message" opens the DM with the account: here, the Sandbox's own DM tab.
        await reply.GetByTestId("dm-button").ClickAsync();
        await Expect(page.GetByLabel("Message to @AcmeSupport")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dm-message")).ToContainTextAsync("Where is my order #1234?");
        await BrowserSession.ScreenshotAsync(page, "sandbox-dm");

        // The demo app can be moved to Enterprise, as its developer account would buy it: X's v2 rules follow.
        Assert.Equal(V2Access.PayPerUse, sandbox.DemoAppAccess);
        await page.GetByTestId("demo-app-access").GetByText("Enterprise").ClickAsync();
        await Expect(page.GetByTestId("sandbox-credentials")).ToContainTextAsync("replies to any post");
        Assert.Equal(V2Access.Enterprise, sandbox.DemoAppAccess);
        await BrowserSession.ScreenshotAsync(page, "sandbox-credentials");

        // In the inbox: the DM, and one mention thread that the quote of our reply joined; the retweet is no conversation.
        await page.GotoAsync("/inbox");
        var list = page.GetByTestId("conversation-list");
        await Expect(list.GetByRole(AriaRole.Link).Filter(new() { HasText = "same problem here" })).ToHaveCountAsync(1);
        await Expect(list.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
    }
}
