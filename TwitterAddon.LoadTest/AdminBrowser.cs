using Microsoft.Playwright;

namespace TwitterAddon.LoadTest;

/// <summary>Debian's Chromium (Playwright cannot download its own here), headless, signed in as the seeded admin.</summary>
internal sealed class AdminBrowser : IAsyncDisposable
{
    private IPlaywright playwright = default!;
    private IBrowser browser = default!;

    /// <summary>The browser, for a trace of its renderers.</summary>
    public IBrowser Browser => browser;

    /// <summary>The signed-in browser context: each page it opens shares the admin's cookie.</summary>
    public IBrowserContext Context { get; private set; } = default!;

    /// <summary>The inbox page's size over the wire, as the admin first opened it.</summary>
    public int InboxBytes { get; private set; }

    public static async Task<AdminBrowser> SignInAsync(string baseUrl)
    {
        var admin = new AdminBrowser { playwright = await Playwright.CreateAsync() };
        admin.browser = await admin.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        admin.Context = await admin.browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await admin.Context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(Seeder.AdminEmail);
        await page.GetByLabel("Password").FillAsync(Seeder.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        var response = await page.GotoAsync("/inbox");
        admin.InboxBytes = (await response!.BodyAsync()).Length;
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.CloseAsync();
        return admin;
    }

    /// <summary>A new tab on the inbox, once its live circuit is up.</summary>
    public async Task<IPage> OpenInboxAsync()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/inbox");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
