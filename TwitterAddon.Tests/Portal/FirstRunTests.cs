using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>A fresh install over HTTP: every visitor is sent to create the administrator, whose form checks what it is given.</summary>
public sealed class FirstRunTests : PortalVisitorTests
{
    [Fact]
    public async Task FreshInstall_SendsEveryVisitor_ToCreateTheAdministrator()
    {
        var home = await Client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/login", home.Headers.Location!.PathAndQuery);

        var login = await Client.GetAsync("/account/login", Ct);
        Assert.Equal("/first-run", login.Headers.Location!.AbsolutePath);

        var firstRun = await Client.GetStringAsync("/first-run", Ct);
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

        var team = await Client.GetAsync("/team", Ct);
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Contains("ada@example.com", await team.Content.ReadAsStringAsync(Ct));

        var again = await Client.GetAsync("/first-run", Ct);
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
        Assert.Equal("/first-run", (await Client.GetAsync("/account/login", Ct)).Headers.Location!.AbsolutePath);
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
        Assert.Equal("/first-run", (await Client.GetAsync("/account/login", Ct)).Headers.Location!.AbsolutePath);
    }
}
