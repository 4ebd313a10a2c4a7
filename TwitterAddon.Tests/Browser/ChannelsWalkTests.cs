using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Tests.Accounts;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>The Channels page in Chromium: add both channels, toggle Active, edit, delete.</summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class ChannelsWalkTests : IAsyncLifetime
{
    private BrowserSession session = default!;

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public async ValueTask InitializeAsync()
    {
        session = await BrowserSession.StartAsync();
        using var scope = session.Portal.Services.CreateScope();
        var connected = await scope.ServiceProvider.GetRequiredService<AccountConnector>()
            .ConnectAsync(AccountConnectorTests.SandboxForm(), "test", false, null, TestContext.Current.CancellationToken);
        Assert.True(connected.Succeeded, connected.Message);
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task AddBothChannels_ToggleActive_Edit_Delete()
    {
        var page = await session.NewVisitorAsync();
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Channels", Exact = true }).ClickAsync();

        await page.GetByTestId("add-dm").ClickAsync();
        await page.Locator("[data-testid=channel-editor] input[type=file]").Last.SetInputFilesAsync(Fixture("not-an-image.png"));
        await Expect(page.GetByTestId("icon-error")).ToHaveTextAsync("The icon must be a PNG, JPEG, SVG or WebP image.");
        await page.Locator("[data-testid=channel-editor] input[type=file]").Last.SetInputFilesAsync(Fixture("channel-icon.png"));
        await page.GetByLabel("Channel name").FillAsync("Acme DMs");
        await page.GetByText("Twitter API", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("channel-editor")).ToContainTextAsync("/api/twitter/events");
        await BrowserSession.ScreenshotAsync(page, "channels-add-dm");
        await page.GetByTestId("save-channel").ClickAsync();
        await Expect(page.GetByTestId("api-key")).ToContainTextAsync("ta_");

        await page.GetByTestId("add-mention").ClickAsync();
        await page.GetByLabel("Channel name").FillAsync("Acme Mentions");
        await Toggle(page, "toggle-deeplink").CheckAsync();
        await Toggle(page, "toggle-initials").CheckAsync();
        await Expect(page.GetByTestId("example-text")).ToHaveTextAsync("Thanks for reaching out! We're checking your order now. - A.A");
        await Expect(page.GetByTestId("reply-example")).ToContainTextAsync("Send a private message");
        await Expect(page.GetByTestId("example-count")).ToContainTextAsync("The deep link and the initials use 30 of the 280 characters (a space and \"- A.A\" are 6; a space and the link, which X counts as 23, are 24); 250 are left");
        await BrowserSession.ScreenshotAsync(page, "channels-add-mention");
        await page.GetByTestId("save-channel").ClickAsync();

        var table = page.GetByTestId("channel-table");
        await Expect(table).ToContainTextAsync("Acme DMs");
        await Expect(table).ToContainTextAsync("Acme Mentions");
        await page.GetByTestId("add-dm").ClickAsync();
        await Expect(page.GetByTestId("channels-notice")).ToContainTextAsync("already has its Direct Message channel");

        // Deactivating asks first: Cancel keeps the channel active, Deactivate turns it off.
        await Toggle(page, "active-DirectMessage").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("nothing it receives enters the inbox");
        await BrowserSession.ScreenshotAsync(page, "channels-deactivate-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Toggle(page, "active-DirectMessage")).ToBeCheckedAsync();
        Assert.True((await ChannelsAsync()).Single(c => c.Kind == ChannelKind.DirectMessage).IsActive);
        await Toggle(page, "active-DirectMessage").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await WaitUntilAsync(async () => !(await ChannelsAsync()).Single(c => c.Kind == ChannelKind.DirectMessage).IsActive);
        await Expect(Toggle(page, "active-DirectMessage")).Not.ToBeCheckedAsync();
        await BrowserSession.ScreenshotAsync(page, "channels-list");

        await page.GetByTestId("edit-Mention").ClickAsync();
        await page.GetByLabel("Channel name").FillAsync("Public replies");
        await page.GetByTestId("save-channel").ClickAsync();
        await Expect(table).ToContainTextAsync("Public replies");

        await page.GetByTestId("delete-DirectMessage").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Its conversations stay readable in the inbox");
        await BrowserSession.ScreenshotAsync(page, "channels-delete-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(table).Not.ToContainTextAsync("Acme DMs");
        Assert.Single(await ChannelsAsync());
    }

    /// <summary>A MudSwitch's checkbox, wherever MudBlazor put the test id (on the input or around it).</summary>
    private static ILocator Toggle(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The change did not reach the database.");
            await Task.Delay(100);
        }
    }

    private async Task<IReadOnlyList<ChannelSummary>> ChannelsAsync()
    {
        using var scope = session.Portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChannelService>().ListAsync(CancellationToken.None);
    }
}
