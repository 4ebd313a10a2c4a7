using Microsoft.Playwright;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>A new user's first minutes, in Chromium: create the admin, sign out and in, add an agent.</summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class FirstRunWalkTests : IAsyncLifetime
{
    private BrowserSession session = default!;

    public async ValueTask InitializeAsync() => session = await BrowserSession.StartAsync();

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task FirstRun_SignOut_SignIn_AddAgent_ThenTheAgentSignsIn()
    {
        var admin = await session.NewVisitorAsync();

        await admin.GotoAsync("/");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Create the administrator account" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(admin, "first-run");
        var firstRunField = await EmailFieldLookAsync(admin);

        await admin.GetByLabel("Your name").FillAsync("Ada Admin");
        await admin.GetByLabel("Email").FillAsync("ada@example.com");
        await admin.GetByLabel("Password").FillAsync("short");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the administrator account" }).ClickAsync();
        await Expect(admin.GetByText("Use at least 10 characters.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(admin, "first-run-weak-password");

        await admin.GetByLabel("Password").FillAsync("correct horse battery");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the administrator account" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Ada Admin" })).ToBeVisibleAsync();
        await BrowserSession.WaitForInteractiveAsync(admin);
        await BrowserSession.ScreenshotAsync(admin, "home");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await admin.GetByLabel("Email").FillAsync("ada@example.com");
        await admin.GetByLabel("Password").FillAsync("wrong password!");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(admin.GetByText("Wrong email or password.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(admin, "login-wrong-password");
        await admin.GetByLabel("Password").FillAsync("correct horse battery");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Ada Admin" })).ToBeVisibleAsync();

        await BrowserSession.WaitForInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Team", Exact = true })).ToBeVisibleAsync();
        // First run and Team draw a field alike: the label on the input's top border, the same height.
        var teamField = await EmailFieldLookAsync(admin);
        Assert.InRange(firstRunField.LabelOffset, -6, 6);
        Assert.InRange(teamField.LabelOffset, -6, 6);
        Assert.InRange(Math.Abs(firstRunField.Height - teamField.Height), 0, 4);
        await admin.GetByLabel("Display name").FillAsync("John Doe");
        await admin.GetByLabel("Email").FillAsync("ada@example.com");
        await admin.GetByLabel("Password").FillAsync("agent password 1");
        await admin.GetByTestId("add-member").ClickAsync();
        await Expect(admin.GetByText("A team member with this email already exists.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(admin, "team-duplicate-email");

        await admin.GetByLabel("Email").FillAsync("john@example.com");
        await admin.GetByTestId("add-member").ClickAsync();
        var table = admin.GetByTestId("team-table");
        await Expect(table.GetByText("john@example.com")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(admin, "team");

        var agent = await session.NewVisitorAsync();
        await agent.GotoAsync("/");
        await agent.GetByLabel("Email").FillAsync("john@example.com");
        await agent.GetByLabel("Password").FillAsync("agent password 1");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Welcome, John Doe" })).ToBeVisibleAsync();
        await BrowserSession.WaitForInteractiveAsync(agent);
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true })).ToHaveCountAsync(0);
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(agent, "agent-home");
    }

    [Fact]
    public async Task DeactivatedAgent_CannotSignIn()
    {
        var admin = await session.NewVisitorAsync();
        await CreateAdministratorAsync(admin);
        await admin.GotoAsync("/team");
        await BrowserSession.WaitForInteractiveAsync(admin);
        await admin.GetByLabel("Display name").FillAsync("John Doe");
        await admin.GetByLabel("Email").FillAsync("john@example.com");
        await admin.GetByLabel("Password").FillAsync("agent password 1");
        await admin.GetByTestId("add-member").ClickAsync();
        var johnRow = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "john@example.com" });
        await johnRow.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Expect(johnRow.GetByText("Deactivated")).ToBeVisibleAsync();

        var agent = await session.NewVisitorAsync();
        await agent.GotoAsync("/account/login");
        await agent.GetByLabel("Email").FillAsync("john@example.com");
        await agent.GetByLabel("Password").FillAsync("agent password 1");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(agent.GetByText("This account is deactivated. Ask an admin to reactivate it.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheInboxOpensEmpty_AndAnUnknownAddressSaysNothingHere()
    {
        var admin = await session.NewVisitorAsync();
        await CreateAdministratorAsync(admin);
        await BrowserSession.WaitForInteractiveAsync(admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        await Expect(admin.GetByTestId("inbox-empty")).ToContainTextAsync("No open conversations");
        await Expect(admin.GetByTestId("no-conversation")).ToContainTextAsync("Pick a conversation");
        await BrowserSession.ScreenshotAsync(admin, "inbox");

        await admin.GotoAsync("/no-such-page");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Nothing here" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(admin, "not-found");
    }

    internal static async Task CreateAdministratorAsync(IPage page)
    {
        await page.GotoAsync("/first-run");
        await page.GetByLabel("Your name").FillAsync("Ada Admin");
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the administrator account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Ada Admin" })).ToBeVisibleAsync();
    }

    /// <summary>Where the Email field's label sits against its input's top edge, and the input's height.</summary>
    private static async Task<(double LabelOffset, double Height)> EmailFieldLookAsync(IPage page)
    {
        var input = (await page.GetByLabel("Email").BoundingBoxAsync())!;
        var label = (await page.Locator("label").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Email$") }).BoundingBoxAsync())!;
        return (label.Y + label.Height / 2 - input.Y, input.Height);
    }
}
