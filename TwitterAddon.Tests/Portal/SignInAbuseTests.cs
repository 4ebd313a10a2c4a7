using System.Net;
using TwitterAddon.Core.Team;
using TwitterAddon.Web.Identity;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>
/// Guessing passwords is slow from one network and for one account; nobody can lock the admin out of a browser they
/// signed in on; and the answers never tell which addresses belong to members.
/// </summary>
public sealed class SignInAbuseTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var first = new PortalVisitor(portal, "192.0.2.1");
        await first.CreateAdminAsync();
    }

    public ValueTask DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task OneNetwork_IsSlowedAfterTenPostsAMinute_AndToldWhy()
    {
        using var guesser = new PortalVisitor(portal, "203.0.113.7");
        for (var i = 0; i < SignInThrottle.PostsPerMinute; i++)
        {
            var answer = await guesser.SignInAsync($"guess{i}@example.com", "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var refused = await guesser.SignInAsync("someone@example.com", "another guess");

        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
        var page = await guesser.Client.GetStringAsync(refused.Headers.Location, Ct);
        Assert.Contains(SignInThrottle.Message, page);
    }

    [Theory]
    [InlineData("/account/login/")]
    [InlineData("/Account/Login")]
    public async Task ThePerNetworkLimit_HoldsHoweverThePathIsSpelled(string path)
    {
        using var guesser = new PortalVisitor(portal, "203.0.113.70");
        for (var i = 0; i < SignInThrottle.PostsPerMinute; i++)
        {
            await guesser.PostFormAsync(path, "login", new() { ["Input.Email"] = $"guess{i}@example.com", ["Input.Password"] = "wrong password " + i });
        }

        var refused = await guesser.PostFormAsync(path, "login", new() { ["Input.Email"] = "x@example.com", ["Input.Password"] = "another guess" });

        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
    }

    [Fact]
    public async Task AddressesOfOneIpv6Network_ShareTheirLimit()
    {
        for (var i = 0; i < SignInThrottle.PostsPerMinute; i++)
        {
            using var visitor = new PortalVisitor(portal, $"2001:db8:1:2::{i + 1:x}");
            await visitor.SignInAsync($"guess{i}@example.com", "wrong password");
        }

        using var next = new PortalVisitor(portal, "2001:db8:1:2:ffff::1");
        Assert.Equal(HttpStatusCode.SeeOther, (await next.SignInAsync("x@example.com", "wrong password")).StatusCode);
    }

    [Fact]
    public async Task ParallelGuesses_GetNoMoreTriesThanTheAccountsBudget()
    {
        var visitors = Enumerable.Range(0, 8).Select(i => new PortalVisitor(portal, $"198.18.0.{i + 1}")).ToList();
        var pages = await Task.WhenAll(visitors.Select(v => v.Client.GetStringAsync("/account/login", Ct)));

        var answers = await Task.WhenAll(visitors.Select((v, i) => v.Client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalVisitor.AntiforgeryToken(pages[i]),
            ["_handler"] = "login",
            ["Input.Email"] = PortalVisitor.AdminEmail,
            ["Input.Password"] = "parallel guess " + i,
        }), Ct)));

        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(SignInAttempts.FreeFailures, bodies.Count(b => b.Contains(SignInOutcome.WrongEmailOrPassword, StringComparison.Ordinal)));
        Assert.Equal(8 - SignInAttempts.FreeFailures, bodies.Count(b => b.Contains("Too many failed attempts", StringComparison.Ordinal)));
        visitors.ForEach(v => v.Dispose());
    }

    [Fact]
    public async Task WrongPasswordsFromElsewhere_NeverLockTheAdminOut_OfABrowserTheySignedInOn()
    {
        using var admin = new PortalVisitor(portal, "198.51.100.2");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync()).StatusCode);
        await SignOutAsync(admin);

        // The outsider uses up what the account allows browsers it has not signed in on (the admin's own new-browser sign-in took one).
        using var outsider = new PortalVisitor(portal, "203.0.113.7");
        var guesses = 0;
        while (!(await (await outsider.SignInAsync(password: "guess " + guesses)).Content.ReadAsStringAsync(Ct)).Contains("Too many failed attempts", StringComparison.Ordinal))
        {
            Assert.True(++guesses <= SignInAttempts.FreeFailures, "The account's budget never ran out.");
        }

        Assert.Contains("Too many failed attempts", await (await outsider.SignInAsync(password: PortalVisitor.AdminPassword)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/team", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownAddress_GetsTheSameAnswers_AsAMembersAddress()
    {
        using var visitor = new PortalVisitor(portal, "203.0.113.8");
        using var other = new PortalVisitor(portal, "203.0.113.18");
        var member = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i <= SignInAttempts.FreeFailures; i++)
        {
            member.Add(Message(await (await visitor.SignInAsync(PortalVisitor.AdminEmail, "guess " + i)).Content.ReadAsStringAsync(Ct)));
            unknown.Add(Message(await (await other.SignInAsync("nobody@example.com", "guess " + i)).Content.ReadAsStringAsync(Ct)));
        }

        Assert.Equal(member, unknown);
        Assert.Equal(SignInOutcome.WrongEmailOrPassword, member[0]);
        Assert.Equal(SignInOutcome.TooManyFailures, member[^1]);
    }

    [Fact]
    public async Task AWrongPassword_IsNotSentBackIntoThePage()
    {
        using var visitor = new PortalVisitor(portal, "203.0.113.9");

        var html = await (await visitor.SignInAsync(password: "my secret guess")).Content.ReadAsStringAsync(Ct);

        Assert.Contains(SignInOutcome.WrongEmailOrPassword, html);
        Assert.DoesNotContain("my secret guess", html);
    }

    private static async Task SignOutAsync(PortalVisitor visitor)
    {
        var token = PortalVisitor.AntiforgeryToken(await visitor.Client.GetStringAsync("/", Ct));
        using var logout = await visitor.Client.PostAsync("/account/logout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
    }

    private static string Message(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"login-error\"[^>]*>(?:<[^>]+>)*([^<]+)").Groups[1].Value).Trim();
}
