using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>The anonymous surface over HTTP: first run, sign-in, sign-out and what needs a cookie.</summary>
public sealed class SignInFlowTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();
    private PortalVisitor? visitor;

    private HttpClient client => visitor!.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        NewVisitor();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        visitor?.Dispose();
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task FreshInstall_SendsEveryVisitor_ToCreateTheAdministrator()
    {
        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/login", home.Headers.Location!.PathAndQuery);

        var login = await client.GetAsync("/account/login", Ct);
        Assert.Equal("/first-run", login.Headers.Location!.AbsolutePath);

        var firstRun = await client.GetStringAsync("/first-run", Ct);
        Assert.Contains("Create the administrator account", firstRun);
    }

    [Fact]
    public async Task FirstRun_CreatesTheAdmin_SignsThemIn_AndClosesItself()
    {
        var created = await PostFormAsync("/first-run", "first-run", new()
        {
            ["Input.DisplayName"] = "Ada Admin",
            ["Input.Email"] = "ada@example.com",
            ["Input.Password"] = "correct horse battery",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var team = await client.GetAsync("/team", Ct);
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Contains("ada@example.com", await team.Content.ReadAsStringAsync(Ct));

        var again = await client.GetAsync("/first-run", Ct);
        Assert.Equal("/account/login", again.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task FirstRun_WithAWeakPassword_ShowsTheMessage_AndCreatesNobody()
    {
        var response = await PostFormAsync("/first-run", "first-run", new()
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "ada@example.com",
            ["Input.Password"] = "short",
        });

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the person&#x27;s name.", html);
        Assert.Contains("Use at least 10 characters.", html);
        Assert.Equal("/first-run", (await client.GetAsync("/account/login", Ct)).Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task FirstRun_SubmittedEmpty_SaysOneThingPerField()
    {
        var response = await PostFormAsync("/first-run", "first-run", new()
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        });

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Enter the person&#x27;s name.", html);
        Assert.Contains("Enter an email address.", html);
        Assert.Contains("Enter a password.", html);
        Assert.DoesNotContain("Enter a valid email address", html);
        Assert.DoesNotContain("Use at least 10 characters.", html);
        Assert.DoesNotContain("different characters", html);
    }

    [Fact]
    public async Task SignIn_WithTheEmailLeftOut_SaysSo_AndDoesNotSendThePasswordBack()
    {
        await CreateAdminAsync();
        NewVisitor();

        var response = await PostFormAsync("/account/login", "login", new()
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "a secret typed here",
        });

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Enter", html);
        Assert.DoesNotContain("a secret typed here", html);
    }

    [Theory]
    [InlineData("1234567890", "This password is one of the most common ones")]
    [InlineData("ada@example.com rules", "The password must not contain the email address.")]
    public async Task FirstRun_WithACommonPassword_OrOneContainingTheEmail_IsRefused_AndCreatesNobody(string password, string message)
    {
        var response = await PostFormAsync("/first-run", "first-run", new()
        {
            ["Input.DisplayName"] = "Ada Admin",
            ["Input.Email"] = "ada@example.com",
            ["Input.Password"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("/first-run", (await client.GetAsync("/account/login", Ct)).Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_IsRefused_ThenTheRightOneWorks_AndSignOutEndsIt()
    {
        await CreateAdminAsync();
        NewVisitor();

        var wrong = await PostFormAsync("/account/login", "login", new()
        {
            ["Input.Email"] = "ada@example.com",
            ["Input.Password"] = "not the password",
        });
        var refused = await wrong.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Wrong email or password.", refused);
        Assert.DoesNotContain("not the password", refused);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/team", Ct)).StatusCode);

        var right = await PostFormAsync("/account/login?returnUrl=%2Fteam", "login", new()
        {
            ["Input.Email"] = "ada@example.com",
            ["Input.Password"] = "correct horse battery",
        });
        Assert.Equal("/team", new Uri(new Uri("http://localhost/"), right.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/team", Ct)).StatusCode);

        var token = AntiforgeryToken(await client.GetStringAsync("/", Ct));
        using var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/team", Ct)).StatusCode);
        Assert.Contains("You have signed out.", await client.GetStringAsync(logout.Headers.Location, Ct));
    }

    [Fact]
    public async Task SignOut_WithoutTheFormsToken_IsRefused_AndTheSessionGoesOn()
    {
        await CreateAdminAsync();

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/team", Ct)).StatusCode);
    }

    [Fact]
    public async Task ACookieCopiedBeforeSignOut_IsRefusedAtOnce()
    {
        await CreateAdminAsync();
        var page = await client.GetAsync("/setup", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var stolen = page.RequestMessage!.Headers.GetValues("Cookie").Single();

        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync(Ct));
        await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/setup");
        replay.Headers.Add("Cookie", stolen);
        using var thief = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var answer = await thief.SendAsync(replay, Ct);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/account/login", answer.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/.//evil.example")]
    [InlineData("/a/..//evil.example")]
    [InlineData("/%2e//evil.example")]
    [InlineData("/./\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task SignIn_NeverRedirectsOffSite(string returnUrl)
    {
        await CreateAdminAsync();
        NewVisitor();

        var response = await visitor!.SignInAsync(returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal(("localhost", "/"), (target.Host, target.AbsolutePath));
    }

    [Theory]
    [InlineData("/\u3002evil.example", "/%E3%80%82evil.example")]
    [InlineData("/inbox?q=caf\u00e9", "/inbox?q=caf%C3%A9")]
    [InlineData("/team\r\nSet-Cookie: x=1", "/team%0D%0ASet-Cookie:%20x=1")]
    public async Task SignIn_WithANonAsciiOrControlReturnUrl_RedirectsOnSite_Encoded(string returnUrl, string expected)
    {
        await CreateAdminAsync();
        NewVisitor();

        var response = await visitor!.SignInAsync(returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task AnAgent_OpeningAnAdminPage_IsToldItIsForAdmins()
    {
        await CreateAdminAsync();
        using (var scope = portal.Services.CreateScope())
        {
            var team = scope.ServiceProvider.GetRequiredService<TwitterAddon.Core.Team.TeamService>();
            var adminId = (await team.ListAsync(Ct)).Single().Id;
            await team.AddMemberAsync(new() { DisplayName = "John Doe", Email = "john@example.com", Password = "agent password 1" }, adminId, Ct);
        }

        NewVisitor();
        await PostFormAsync("/account/login", "login", new()
        {
            ["Input.Email"] = "john@example.com",
            ["Input.Password"] = "agent password 1",
        });

        var teamPage = await client.GetAsync("/team", Ct);
        Assert.Equal("/account/access-denied", teamPage.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/inbox", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownAddress_Is404_OnAPlainPage_WithNoLiveCircuit()
    {
        var response = await client.GetAsync("/no/such/page", Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nothing here", html);
        Assert.DoesNotContain("\"type\":\"server\"", html);
        // A stranger sees no menu into the portal.
        Assert.DoesNotContain("Toggle navigation", html);
        Assert.DoesNotContain("class=\"mud-drawer", html);
        Assert.DoesNotContain("href=\"inbox\"", html);
    }

    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders_WithANoncePerRequest()
    {
        var first = await client.GetAsync("/account/login", Ct);
        var second = await client.GetAsync("/account/login", Ct);

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
        var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthCheck_Is503_WhenTheDatabaseFileIsGone()
    {
        await client.GetAsync("/healthz", Ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(portal.DatabaseFile);
        File.Delete(portal.DatabaseFile + "-wal");
        File.Delete(portal.DatabaseFile + "-shm");

        var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    /// <summary>A browser with no cookies yet.</summary>
    private void NewVisitor()
    {
        visitor?.Dispose();
        visitor = new PortalVisitor(portal);
    }

    private Task<HttpResponseMessage> CreateAdminAsync() => visitor!.CreateAdminAsync();

    private Task<HttpResponseMessage> PostFormAsync(string url, string formName, Dictionary<string, string> fields) =>
        visitor!.PostFormAsync(url, formName, fields);

    private static string AntiforgeryToken(string html) => PortalVisitor.AntiforgeryToken(html);
}
