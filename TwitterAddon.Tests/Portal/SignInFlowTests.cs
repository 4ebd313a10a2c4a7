using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>Sign-in, sign-out and what needs a cookie, over HTTP.</summary>
public sealed class SignInFlowTests : PortalVisitorTests
{
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
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/team", Ct)).StatusCode);

        var right = await PostFormAsync("/account/login?returnUrl=%2Fteam", "login", new()
        {
            ["Input.Email"] = "ada@example.com",
            ["Input.Password"] = "correct horse battery",
        });
        Assert.Equal("/team", new Uri(new Uri("http://localhost/"), right.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/team", Ct)).StatusCode);

        var token = AntiforgeryToken(await Client.GetStringAsync("/", Ct));
        using var logout = await Client.PostAsync("/account/logout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/team", Ct)).StatusCode);
        Assert.Contains("You have signed out.", await Client.GetStringAsync(logout.Headers.Location, Ct));
    }

    [Fact]
    public async Task SignOut_WithoutTheFormsToken_IsRefused_AndTheSessionGoesOn()
    {
        await CreateAdminAsync();

        using var forged = await Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/team", Ct)).StatusCode);
    }

    [Fact]
    public async Task ACookieCopiedBeforeSignOut_IsRefusedAtOnce()
    {
        await CreateAdminAsync();
        var page = await Client.GetAsync("/setup", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var stolen = page.RequestMessage!.Headers.GetValues("Cookie").Single();

        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync(Ct));
        await Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/setup");
        replay.Headers.Add("Cookie", stolen);
        using var thief = Portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
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

        var response = await Visitor.SignInAsync(returnUrl: returnUrl);

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

        var response = await Visitor.SignInAsync(returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task AnAgent_OpeningAnAdminPage_IsToldItIsForAdmins()
    {
        await CreateAdminAsync();
        using (var scope = Portal.Services.CreateScope())
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

        var teamPage = await Client.GetAsync("/team", Ct);
        Assert.Equal("/account/access-denied", teamPage.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/inbox", Ct)).StatusCode);
    }
}
