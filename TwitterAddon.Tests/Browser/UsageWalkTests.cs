using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Team;
using TwitterAddon.Tests.Accounts;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>
/// What X costs, in Chromium on a Pay-per-use account: an admin sets a budget on Setup → Usage, the reply box prices a
/// mention reply carrying the DM deep link before Send, the reply takes the month past the budget, Setup and Home say
/// sending is paused, and Resume sending lifts it.
/// </summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class UsageWalkTests : IAsyncLifetime
{
    private BrowserSession session = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        session = await BrowserSession.StartAsync();
        using var scope = session.Portal.Services.CreateScope();
        var team = scope.ServiceProvider.GetRequiredService<TeamService>();
        Assert.True((await team.CreateFirstAdministratorAsync(new() { DisplayName = "Ada Admin", Email = "ada@example.com", Password = "correct horse battery" }, Ct)).Succeeded);
        await session.Portal.Services.ConnectWithBothChannelsAsync(AccountTier.PayPerUse);
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task ABudget_TheReplyPrice_ThePauseAtTheBudget_AndResume()
    {
        var admin = await session.SignedInVisitorAsync("ada@example.com", "correct horse battery");

        // Setup → Usage: a budget of 5 cents.
        await admin.GotoAsync("/setup");
        await BrowserSession.WaitForInteractiveAsync(admin);
        await admin.GetByTestId("usage-link").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Usage and costs" })).ToBeVisibleAsync();
        await BrowserSession.WaitForInteractiveAsync(admin);
        await admin.GetByLabel("Budget per month (US dollars)").FillAsync("0.05");
        await admin.GetByTestId("usage-save").ClickAsync();
        await Expect(admin.GetByText("Usage settings saved.")).ToBeVisibleAsync();

        // A customer mentions the account ($0.005) from the Sandbox.
        var customer = await session.SignedInVisitorAsync("ada@example.com", "correct horse battery");
        await customer.GotoAsync("/sandbox");
        await BrowserSession.WaitForInteractiveAsync(customer);
        await customer.GetByRole(AriaRole.Tab, new() { Name = "Public (mentions)" }).ClickAsync();
        await customer.GetByLabel("Tweet", new() { Exact = true }).FillAsync("@AcmeSupport my parcel is late");
        await customer.GetByTestId("post-tweet").ClickAsync();

        // The reply box says what the deep link costs before Send.
        await admin.GotoAsync("/inbox");
        await BrowserSession.WaitForInteractiveAsync(admin);
        await admin.GetByTestId("conversation-list").GetByText("my parcel is late").ClickAsync();
        await Expect(admin.GetByTestId("reply-price")).ToHaveTextAsync("· $0.20 on X");
        await Expect(admin.GetByTestId("reply-price-note")).ToContainTextAsync("prices as a post with a URL: $0.20 instead of $0.01");
        await admin.GetByTestId("reply-text").FillAsync("Sorry for the wait! Please DM us your order number.");
        await BrowserSession.ScreenshotAsync(admin, "inbox-reply-price");
        await admin.GetByTestId("send").ClickAsync();
        await Expect(admin.GetByTestId("thread").GetByTestId("message-status")).ToHaveTextAsync("Delivered");

        // $0.005 + $0.20 + $0.005 for its post.create echo: past the budget, so sending pauses.
        await admin.GotoAsync("/setup");
        await BrowserSession.WaitForInteractiveAsync(admin);
        var alert = admin.GetByTestId("budget-alert");
        await Expect(alert).ToContainTextAsync("Sending is paused. This month's estimated X spend");
        await BrowserSession.ScreenshotAsync(admin, "setup-budget-paused");
        await admin.GotoAsync("/");
        await Expect(admin.GetByTestId("budget-alert")).ToContainTextAsync("Sending is paused.");
        await BrowserSession.ScreenshotAsync(admin, "home-budget-paused");
        await BrowserSession.WaitForInteractiveAsync(admin);
        await admin.GetByTestId("budget-resume").ClickAsync();
        await Expect(admin.GetByTestId("budget-alert")).ToContainTextAsync("Over budget: $0.21 of $0.05 this month");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Usage and budget" }).ClickAsync();
        var table = admin.GetByTestId("usage-table");
        await Expect(table.Locator("[data-kind=MentionReplyWithLinkSent] td").Nth(2)).ToHaveTextAsync("1 · $0.20");
        await Expect(table.Locator("[data-kind=MentionReceived] td").Nth(2)).ToHaveTextAsync("1 · $0.005");
        await Expect(admin.GetByTestId("usage-total").Locator("td").Nth(2)).ToHaveTextAsync("3 · $0.21");
        await BrowserSession.ScreenshotAsync(admin, "usage-page");
        Assert.Empty(session.CspViolations);
    }
}
