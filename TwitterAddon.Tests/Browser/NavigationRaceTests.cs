using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>
/// A menu click made while the page's circuit is still starting leads to the page clicked, never to an address that
/// shows the old page. Blazor drops the location change of a link clicked after the browser asked for a circuit
/// and before the server has attached it; the test holds the server right there.
/// </summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class NavigationRaceTests : IAsyncLifetime
{
    private readonly CircuitStartGate gate = new();
    private BrowserSession session = default!;

    public async ValueTask InitializeAsync()
    {
        session = await BrowserSession.StartAsync(extraServices: s => s.Configure<HubOptions>(o => o.AddFilter(gate)));
        gate.Open();
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task AMenuClickWhileTheCircuitStarts_ShowsThePageClicked()
    {
        var page = await session.NewVisitorAsync();
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        await BrowserSession.WaitForInteractiveAsync(page);

        foreach (var link in new[] { "Team", "Channels", "Setup" })
        {
            gate.Hold();
            await page.GotoAsync("/");
            await gate.Entered.WaitAsync(TestContext.Current.CancellationToken);
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/" + link.ToLowerInvariant() + "$"));
            gate.Open();

            await BrowserSession.WaitForInteractiveAsync(page);
            await Expect(page).ToHaveTitleAsync(link + " · TwitterAddon", new() { Timeout = 10_000 });
        }
    }

    [Fact]
    public async Task MenuClicksRightAfterEachLoad_NeverEndOnStaleContent()
    {
        var page = await session.NewVisitorAsync();
        await FirstRunWalkTests.CreateAdministratorAsync(page);
        var links = new[] { "Inbox", "Team", "Channels", "Home", "Setup" };
        for (var round = 0; round < 15; round++)
        {
            var link = links[round % links.Length];
            // Always from another page (the Sandbox's link is not among those clicked), so the click has to navigate.
            await page.GotoAsync("/sandbox", new() { WaitUntil = WaitUntilState.Commit });
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(link == "Home" ? "/$" : "/" + link.ToLowerInvariant() + "$"));
            await BrowserSession.WaitForInteractiveAsync(page);
            await Expect(page).ToHaveTitleAsync(link + " · TwitterAddon", new() { Timeout = 10_000 });
        }
    }

    /// <summary>Holds the browser's StartCircuit call on the server until the test lets it go.</summary>
    private sealed class CircuitStartGate : IHubFilter
    {
        private TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SemaphoreSlim Entered { get; } = new(0);

        public void Hold() => release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => release.TrySetResult();

        public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
        {
            if (context.HubMethodName == "StartCircuit" && !release.Task.IsCompleted)
            {
                var held = release.Task;
                Entered.Release();
                await held;
            }

            return await next(context);
        }
    }
}
