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

        form.WaitForAssertion(() => Assert.Contains("screen_name is 1 to 15 letters, digits or underscores.", form.Markup));
        Assert.Equal(before, sandbox.Customers().Count);
    }
}
