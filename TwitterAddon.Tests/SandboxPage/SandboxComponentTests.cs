using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Emulator;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Pages.Sandbox;
using SandboxService = TwitterAddon.Emulator.World.Sandbox;

namespace TwitterAddon.Tests.SandboxPage;

public sealed class SandboxComponentTests : MudTestContext
{
    public SandboxComponentTests() =>
        Services.AddXEmulator(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

    [Theory]
    [InlineData("Thanks - J.D https://twitter.com/messages/compose?recipient_id=1000000001", "Thanks - J.D", true)]
    [InlineData("Thanks https://x.com/messages/compose?recipient_id=1000000001 ", "Thanks", true)]
    [InlineData("See https://twitter.com/messages/compose?recipient_id=1 - J.D", "See https://twitter.com/messages/compose?recipient_id=1 - J.D", false)]
    [InlineData("No link here", "No link here", false)]
    public void DeepLink_BecomesAButton_OnlyAtTheEnd(string text, string shown, bool button)
    {
        var (rest, link) = SandboxService.SplitDeepLink(text);

        Assert.Equal((shown, button), (rest, link is not null));
    }

    [Fact]
    public void PublicThread_ShowsTheReplyWithXsDmButton()
    {
        var sandbox = Services.GetRequiredService<SandboxService>();
        var activity = Services.GetRequiredService<XActivity>();
        var mention = sandbox.PostTweet("jane_doe", "@AcmeSupport help").Value!;
        activity.PostTweet(new TweetDraft(SandboxSeed.AccountId, "On it - J.D https://twitter.com/messages/compose?recipient_id=1000000001")
        {
            InReplyToStatusId = mention.Id, AutoPopulateReplyMetadata = true,
        });

        var thread = Render<SandboxPublicThread>(p => p
            .Add(c => c.Tweets, sandbox.PublicThreadOf("1000000002"))
            .Add(c => c.Account, sandbox.Account));

        Assert.Equal(2, thread.FindAll("[data-testid=tweet]").Count);
        Assert.Contains("On it - J.D", thread.FindAll("[data-testid=tweet-text]")[1].TextContent);
        Assert.DoesNotContain("@jane_doe On it", thread.Markup);
        Assert.Equal("Send a private message", thread.Find("[data-testid=dm-button]").TextContent.Trim());
        Assert.Null(thread.Find("[data-testid=dm-button]").GetAttribute("href"));
    }

    [Fact]
    public async Task PublicThread_SendAPrivateMessage_OpensTheSandboxsDmTab_AndEveryTweetCanBeQuotedOrRetweeted()
    {
        var sandbox = Services.GetRequiredService<SandboxService>();
        var mention = sandbox.PostTweet("jane_doe", "@AcmeSupport help").Value!;
        Services.GetRequiredService<XActivity>().PostTweet(new TweetDraft(SandboxSeed.AccountId, "On it https://twitter.com/messages/compose?recipient_id=1000000001")
        {
            InReplyToStatusId = mention.Id, AutoPopulateReplyMetadata = true,
        });
        var (opened, quoted, retweeted) = (false, (string?)null, (string?)null);
        var thread = Render<SandboxPublicThread>(p => p
            .Add(c => c.Tweets, sandbox.PublicThreadOf("1000000002")).Add(c => c.Account, sandbox.Account)
            .Add(c => c.OnOpenDirectMessages, () => opened = true)
            .Add(c => c.OnQuote, (string id) => quoted = id).Add(c => c.OnRetweet, (string id) => retweeted = id));

        await thread.Find("[data-testid=dm-button]").ClickAsync();
        await thread.FindAll("[data-testid=quote-action]")[1].ClickAsync();
        await thread.FindAll("[data-testid=retweet-action]")[1].ClickAsync();

        Assert.True(opened);
        var ours = sandbox.PublicThreadOf("1000000002")[1].Id;
        Assert.Equal((ours, ours), (quoted, retweeted));
        Assert.Equal(2, thread.FindAll("[data-testid=quote-action]").Count);
    }

    [Theory]
    [InlineData("Admin", true)]
    [InlineData("Agent", false)]
    public void TheDemoCredentials_AreShownToAdminsOnly(string role, bool shown)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone@example.com");
        auth.SetRoles(role);

        var workbench = Render<SandboxWorkbench>();

        Assert.Equal(shown, workbench.FindAll("[data-testid=sandbox-credentials]").Count == 1);
    }

    [Fact]
    public async Task NewCustomer_LeftEmpty_SaysSoInThePagesWords()
    {
        var form = Render<SandboxNewCustomer>();

        await form.FindAll("button").Single(b => b.TextContent.Contains("Add customer", StringComparison.Ordinal)).ClickAsync();

        form.WaitForAssertion(() => Assert.Contains("Enter the customer's handle, such as jane_doe.", form.Markup));
        Assert.Contains("Enter the customer's name.", form.Markup);
        Assert.DoesNotContain("screen_name", form.Markup);
    }

    [Fact]
    public async Task NewCustomer_WithABadHandle_SaysWhy_AndAddsNobody()
    {
        var sandbox = Services.GetRequiredService<SandboxService>();
        var before = sandbox.Customers().Count;
        var form = Render<SandboxNewCustomer>();
        Fill(form, "Name", "Rina");
        Fill(form, "Handle", "has space");

        await form.FindAll("button").Single(b => b.TextContent.Contains("Add customer", StringComparison.Ordinal)).ClickAsync();

        form.WaitForAssertion(() => Assert.Contains("A handle is 1 to 15 letters, digits or underscores.", form.Markup));
        Assert.Equal(before, sandbox.Customers().Count);
    }
}
