using Microsoft.Playwright;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright against the real portal on loopback with a fresh database.
/// Without Chromium the test is skipped with the reason, unless E2E_REQUIRED=1 (CI), when it fails.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    private BrowserSession(PortalFactory portal) => Portal = portal;

    public PortalFactory Portal { get; }

    public Uri BaseAddress { get; private set; } = default!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> StartAsync(bool emulatorEnabled = true, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? extraServices = null)
    {
        RequireChromium();
        // Two shared cores under a full test run: give the circuit time before calling a page broken.
        Assertions.SetDefaultExpectTimeout(30_000);
        var session = new BrowserSession(new PortalFactory(emulatorEnabled) { ExtraServices = extraServices });
        session.BaseAddress = session.Portal.StartOnLoopback();
        session.playwright = await Playwright.CreateAsync();
        session.browser = await session.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return session;
    }

    /// <summary>What Chromium refused under the pages' Content-Security-Policy, on every page of this session.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> CspViolations { get; } = new();

    /// <summary>A new browser profile (its own cookies), as a second person at another computer.</summary>
    /// <param name="timeZone">The computer's time zone (IANA id); the machine's when null.</param>
    public async Task<IPage> NewVisitorAsync(string? timeZone = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            TimezoneId = timeZone,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                CspViolations.Enqueue(message.Text);
            }
        };
        return page;
    }

    /// <summary>A new visitor who signs in with the form and lands on Home.</summary>
    public async Task<IPage> SignedInVisitorAsync(string email, string password, string? timeZone = null)
    {
        var page = await NewVisitorAsync(timeZone);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // Animations run to their end, so a dialog that fades in is in the picture.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>Waits until the page's Blazor circuit is connected, so typed input reaches the server.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Portal.DisposeAsync();
    }

    private static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        var reason = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
        if (Environment.GetEnvironmentVariable("E2E_REQUIRED") == "1")
        {
            Assert.Fail(reason + " E2E_REQUIRED=1, so browser tests must run.");
        }

        Assert.Skip(reason + " Browser tests skipped; set E2E_REQUIRED=1 to make this a failure.");
    }
}
