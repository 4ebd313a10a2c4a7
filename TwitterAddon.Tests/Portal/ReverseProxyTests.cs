using System.Net;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>
/// Production behind a TLS-terminating proxy on this machine: https is known from X-Forwarded-Proto, so cookies are
/// Secure, redirects stay on https and HSTS is sent; a forged Host is refused; headers from strangers are not believed.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private const string PublicHost = "support.example.com";
    private readonly PortalFactory portal = new(emulatorEnabled: false) { Environment = "Production" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        portal.Setting("App:PublicBaseUrl", $"https://{PublicHost}");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task ThroughTheProxy_RedirectsStayOnHttps_AndHstsIsSent()
    {
        using var browser = ThroughProxy();

        using var response = await browser.Client.GetAsync("/setup", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"https://{PublicHost}/account/login", response.Headers.Location!.ToString());
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task ThroughTheProxy_TheSignInCookie_IsSecure()
    {
        // Cookies read off the wire: the test client's cookie jar would swallow them.
        using var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        ThroughProxy(client);
        using var form = await client.GetAsync("/first-run", Ct);
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/first-run")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = PortalVisitor.AntiforgeryToken(await form.Content.ReadAsStringAsync(Ct)),
                ["_handler"] = "first-run",
                ["Input.DisplayName"] = "Ada Admin",
                ["Input.Email"] = PortalVisitor.AdminEmail,
                ["Input.Password"] = PortalVisitor.AdminPassword,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);

        using var created = await client.SendAsync(post, Ct);

        var auth = Assert.Single(created.Headers.GetValues("Set-Cookie"), c => c.StartsWith("TwitterAddon.Auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AForgedHost_IsRefused()
    {
        using var browser = ThroughProxy();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/setup");
        request.Headers.Host = "evil.example";

        using var response = await browser.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AForwardedHost_IsNotBelieved_EvenFromTheProxy()
    {
        using var browser = ThroughProxy();
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");

        using var response = await browser.Client.GetAsync("/setup", Ct);

        Assert.StartsWith($"https://{PublicHost}/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ForwardedHeadersFromAStranger_AreNotBelieved()
    {
        using var stranger = new PortalVisitor(portal, "203.0.113.50");
        stranger.Client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        stranger.Client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        stranger.Client.DefaultRequestHeaders.Host = PublicHost;

        using var response = await stranger.Client.GetAsync("/setup", Ct);

        Assert.StartsWith($"http://{PublicHost}/account/login", response.Headers.Location!.ToString());
    }

    /// <summary>A browser whose requests reach the portal through a TLS-terminating proxy on this machine.</summary>
    private PortalVisitor ThroughProxy()
    {
        var browser = new PortalVisitor(portal);
        ThroughProxy(browser.Client);
        return browser;
    }

    private static void ThroughProxy(HttpClient client)
    {
        client.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, "127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        client.DefaultRequestHeaders.Host = PublicHost;
    }
}
