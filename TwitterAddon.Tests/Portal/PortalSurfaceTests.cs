using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>What any visitor gets over HTTP: the plain not-found page, the security headers, the health check.</summary>
public sealed class PortalSurfaceTests : PortalVisitorTests
{
    [Fact]
    public async Task AnUnknownAddress_Is404_OnAPlainPage_WithNoLiveCircuit()
    {
        var response = await Client.GetAsync("/no/such/page", Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nothing here", html);
        Assert.DoesNotContain("\"type\":\"server\"", html);
        // A stranger sees no menu into the Portal.
        Assert.DoesNotContain("Toggle navigation", html);
        Assert.DoesNotContain("class=\"mud-drawer", html);
        Assert.DoesNotContain("href=\"inbox\"", html);
    }

    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders_WithANoncePerRequest()
    {
        var first = await Client.GetAsync("/account/login", Ct);
        var second = await Client.GetAsync("/account/login", Ct);

        var csp = first.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.NotEqual(csp, second.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", first.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", first.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task HealthCheck_IsAnonymous_AndHealthyWhenTheDatabaseAnswers()
    {
        var response = await Client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthCheck_Is503_WhenTheDatabaseFileIsGone()
    {
        await Client.GetAsync("/healthz", Ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Portal.DatabaseFile);
        File.Delete(Portal.DatabaseFile + "-wal");
        File.Delete(Portal.DatabaseFile + "-shm");

        var response = await Client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
