using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>When the live connection to the server drops, the page says so instead of silently going stale.</summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class ConnectionWalkTests : IAsyncLifetime
{
    private BrowserSession session = default!;

    public async ValueTask InitializeAsync() => session = await BrowserSession.StartAsync();

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task WhenTheServerGoesAway_TheReconnectDialogShows()
    {
        var page = await session.NewVisitorAsync();
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        await page.GotoAsync("/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        // The server stops at once (an already cancelled token aborts open connections): the circuit's connection
        // drops and every reconnect attempt is refused.
        await session.Portal.Services.GetRequiredService<IServer>().StopAsync(new CancellationToken(canceled: true));

        var dialog = page.Locator("#components-reconnect-modal");
        await Expect(dialog).ToBeVisibleAsync();
        // One line at a time: "Rejoining the server..." first, then "Rejoin failed... trying again in N seconds."
        await Expect(dialog.Locator("p:visible")).ToHaveCountAsync(1);
        await Expect(dialog.Locator("p:visible")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Rejoining the server|Rejoin failed"));
        await BrowserSession.ScreenshotAsync(page, "reconnecting");
    }
}
