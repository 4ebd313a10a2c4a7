using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>Connecting the X account in Chromium, against the emulator in the same host.</summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class SetupWalkTests : IAsyncLifetime
{
    private BrowserSession session = default!;

    public async ValueTask InitializeAsync() => session = await BrowserSession.StartAsync();

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task BeginSetup_SandboxCredentials_Save_DetailAccount_ChangeEnvLabel_Disconnect()
    {
        var page = await session.NewVisitorAsync();
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Setup", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("setup-intro")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "setup-intro");

        await page.GetByRole(AriaRole.Button, new() { Name = "Begin Setup" }).ClickAsync();
        await page.GetByText("Sandbox (v1.1, legacy)").First.ClickAsync();
        await page.GetByText("Developer access", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByText("Sign in at developer.x.com")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "setup-wizard-guide-legacy");
        await page.GetByText("Connect", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("save-setup").ClickAsync();
        await Expect(page.GetByText("Paste the API Key from your app's Keys and tokens page.")).ToBeVisibleAsync();

        await page.GetByTestId("use-sandbox-credentials").ClickAsync();
        await Expect(page.GetByLabel("API Key", new() { Exact = true })).ToHaveValueAsync("sandbox-consumer-key");
        await Expect(page.GetByText("Paste the API Key from your app's Keys and tokens page.")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "setup-wizard-form");
        await page.GetByTestId("save-setup").ClickAsync();

        await Expect(page.GetByTestId("account-card")).ToContainTextAsync("@AcmeSupport");
        await BrowserSession.ScreenshotAsync(page, "setup-connected");
        await Expect(page.GetByTestId("receiving")).ToHaveTextAsync("Receiving events");
        await page.GetByTestId("detail-account").ClickAsync();
        await Expect(page.GetByTestId("account-details")).ToContainTextAsync("1000000001");
        await BrowserSession.ScreenshotAsync(page, "setup-detail-account");

        // A customer DMs the account: the page shows the event without a reload.
        using (var control = new HttpClient { BaseAddress = new Uri(session.BaseAddress, "emulator/control/") })
        {
            (await control.PostAsync("direct_messages", new StringContent(
                "{\"sender\":\"jane_doe\",\"text\":\"hello\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Last event through this webhook" })).Not.ToContainTextAsync("never");

        await page.GetByLabel("Env Label").FillAsync("premium");
        await page.GetByTestId("change-env").ClickAsync();
        await Expect(page.GetByTestId("account-message")).ToContainTextAsync("Events now come from the environment \"premium\".");
        await Expect(page.GetByTestId("account-card")).ToContainTextAsync("env \"premium\"");

        await page.GetByTestId("disconnect").ClickAsync();
        await page.GetByTestId("confirm-disconnect").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Begin Setup" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AWrongEnvLabel_IsExplained_AndNothingIsConnected()
    {
        var page = await session.NewVisitorAsync();
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        await page.GotoAsync("/setup");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Begin Setup" }).ClickAsync();
        await page.GetByText("Sandbox (v1.1, legacy)").First.ClickAsync();
        await page.GetByText("Connect", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("use-sandbox-credentials").ClickAsync();
        await Expect(page.GetByLabel("Env Label")).ToHaveValueAsync("sandbox");
        await page.GetByLabel("Env Label").FillAsync("Sandbox");

        await page.GetByTestId("save-setup").ClickAsync();

        await Expect(page.GetByTestId("connect-error")).ToContainTextAsync("Env labels are case-sensitive");
        await BrowserSession.ScreenshotAsync(page, "setup-wrong-env");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Begin Setup" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WhenXNoLongerHasTheWebhook_SetupSaysSo_AndRegisterAgainRecoversInOneClick()
    {
        var page = await session.NewVisitorAsync();
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        await session.Portal.Services.ConnectWithBothChannelsAsync(AccountTier.Sandbox);

        // Deleted in X's developer console (or lost by X): the webhook and its subscription are gone.
        session.Portal.Services.GetRequiredService<EmulatorWorld>().ForgetAtX(webhooks: true);

        await page.GotoAsync("/setup");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByTestId("detail-account").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-validate webhook" }).ClickAsync();

        await Expect(page.GetByTestId("account-message")).ToContainTextAsync("X no longer has this add-on's webhook");
        await Expect(page.GetByTestId("not-receiving")).ToContainTextAsync("X no longer has this add-on's webhook");
        await BrowserSession.ScreenshotAsync(page, "setup-webhook-gone");
        await page.GetByTestId("register-again").ClickAsync();

        await Expect(page.GetByTestId("receiving")).ToHaveTextAsync("Receiving events");
        await Expect(page.GetByTestId("not-receiving")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "setup-registered-again");

        // X delivers again: a customer's DM reaches the inbox.
        await new EmulatorControl(new HttpClient { BaseAddress = new Uri(session.BaseAddress, "emulator/control/") })
            .CustomerDmAsync("jane_doe", "Is anyone reading this?");
        await page.GotoAsync("/inbox");
        await Expect(page.GetByTestId("conversation-list")).ToContainTextAsync("Is anyone reading this?");
    }
}
