using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Tests.Accounts;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>
/// Where things sit. On a 390 px phone the top bar is one line, and an open conversation comes first, with a way back to
/// the list. On a laptop the thread sits on the reply box, and a long name gives way before Resolve does.
/// </summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class InboxLayoutTests : IAsyncLifetime
{
    private BrowserSession session = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        session = await BrowserSession.StartAsync();
        using var scope = session.Portal.Services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountConnector>().ConnectAsync(AccountConnectorTests.SandboxForm(), "ada", false, null, Ct)).Succeeded);
        Assert.True((await scope.ServiceProvider.GetRequiredService<ChannelService>().AddAsync(ChannelKind.DirectMessage, new() { Name = "Acme DMs" }, "ada", Ct)).Succeeded);
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task OnAPhone_TheBarIsOneLine_AndTheOpenConversationComesFirst()
    {
        var page = await session.NewVisitorAsync();
        await page.SetViewportSizeAsync(390, 844);
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        await new EmulatorControl(new HttpClient { BaseAddress = new Uri(session.BaseAddress, "emulator/control/") })
            .CustomerDmAsync("jane_doe", "Where is my order?");

        await page.GotoAsync("/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);
        var bar = await page.Locator(".mud-appbar").BoundingBoxAsync();
        Assert.True(bar!.Height <= 64, $"The top bar is {bar.Height} px high: it wrapped.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("no-conversation")).ToBeHiddenAsync();
        await page.GetByTestId("conversation-list").GetByText("Where is my order?").ClickAsync();

        await Expect(page.GetByTestId("conversation-view")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("conversation-list")).ToBeHiddenAsync();
        var view = await page.GetByTestId("conversation-view").BoundingBoxAsync();
        Assert.True(view!.Y < 200, $"The conversation starts {view.Y} px down the page, below the list.");
        await BrowserSession.ScreenshotAsync(page, "phone-conversation");

        await page.GetByTestId("back-to-list").ClickAsync();
        await Expect(page.GetByTestId("conversation-list")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "phone-inbox");
    }

    [Fact]
    public async Task OnALaptop_TheThreadSitsOnTheReplyBox_AndALongNameLeavesResolveOnItsLine()
    {
        var page = await session.NewVisitorAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        var control = new EmulatorControl(new HttpClient { BaseAddress = new Uri(session.BaseAddress, "emulator/control/") });
        const string LongName = "Maria Fernanda de los Santos Albuquerque Montenegr";
        await control.NewCustomerAsync("maria_fernanda1", LongName);
        await control.CustomerDmAsync("maria_fernanda1", "Hello, my parcel never came");

        await page.GotoAsync("/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByTestId("conversation-list").GetByText("Hello, my parcel never came").ClickAsync();
        await Expect(page.GetByTestId("contact-name")).ToHaveTextAsync(LongName);

        var name = (await page.GetByTestId("contact-name").BoundingBoxAsync())!;
        var resolve = (await page.GetByTestId("resolve").BoundingBoxAsync())!;
        Assert.True(resolve.Y < name.Y + name.Height && resolve.Y + resolve.Height > name.Y,
            $"Resolve ({resolve.Y}-{resolve.Y + resolve.Height}) is not on the name's line ({name.Y}-{name.Y + name.Height}).");
        var message = (await page.GetByTestId("thread").GetByText("Hello, my parcel never came").BoundingBoxAsync())!;
        var composer = (await page.GetByTestId("composer").BoundingBoxAsync())!;
        var band = composer.Y - (message.Y + message.Height);
        Assert.True(band is >= 0 and < 80, $"{band} px of empty band between the last message and the reply box.");
        await BrowserSession.ScreenshotAsync(page, "inbox-long-name");

        // X refuses the reply for good (349: the customer takes no DMs from the account): the row says so, not only the thread.
        await control.SetFaultsAsync(new { fail_next_count = 1, fail_next_status = 403, fail_next_code = 349 });
        await page.GetByTestId("reply-text").FillAsync("We are on it");
        await page.GetByTestId("send").ClickAsync();
        await Expect(page.GetByTestId("conversation-list").GetByTestId("failed-reply")).ToHaveTextAsync("Reply failed");
        await BrowserSession.ScreenshotAsync(page, "inbox-reply-failed");
    }
}
