using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Pages.Inbox;

namespace TwitterAddon.Tests.InboxPage;

/// <summary>The composer's states as the agent types: empty, counting, near the limit, over it; DM and mention.</summary>
public sealed class ReplyComposerTests : CoreMudTestContext
{
    private static readonly ReplySettings Both = new("1000000001", "John Doe", DmDeepLink: true, AgentInitial: true);

    [Fact]
    public void Empty_SendIsDisabled_AndTheReservedPartIsShownFromTheStart()
    {
        var composer = Composer(ChannelKind.Mention, Both);

        // " - J.D" 6 + " " 1 + link 23 = 30, taken before the agent writes a word.
        Assert.Equal("30 / 280", Counter(composer));
        Assert.True(SendDisabled(composer));
        Assert.Contains("30 of the 280 characters are taken", composer.Find("[data-testid=reply-preview]").TextContent);
        Assert.Equal("- J.D https://twitter.com/messages/compose?recipient_id=1000000001",
            composer.Find("[data-testid=reply-preview] .reply-preview-text").TextContent);
    }

    [Fact]
    public void Empty_WithNothingAdded_ShowsNoPreview()
    {
        var composer = Composer(ChannelKind.Mention, new ReplySettings("1000000001", "John Doe", false, false));

        Assert.Equal("0 / 280", Counter(composer));
        Assert.Empty(composer.FindAll("[data-testid=reply-preview]"));
    }

    [Fact]
    public void OneCharacterOver_MarksTheAgentsLastCharacter_NotTheLinkTheChannelAdds()
    {
        var composer = Composer(ChannelKind.Mention, Both);

        Type(composer, new string('a', 250) + "Z");

        Assert.Equal("281 / 280", Counter(composer));
        Assert.Equal("Z", composer.Find("[data-testid=overflow]").TextContent);
        Assert.EndsWith("Z - J.D https://twitter.com/messages/compose?recipient_id=1000000001",
            composer.Find("[data-testid=reply-preview] .reply-preview-text").TextContent);
        Assert.True(SendDisabled(composer));
    }

    [Fact]
    public void OverByAnEmoji_MarksTheWholeEmoji()
    {
        var composer = Composer(ChannelKind.Mention, Both);

        Type(composer, new string('a', 249) + "👍🏽");

        Assert.Equal("👍🏽", composer.Find("[data-testid=overflow]").TextContent);
    }

    [Fact]
    public void TheChannelsTogglesChangingUnderTheAgent_RedrawTheCountAndThePreview()
    {
        var none = new ReplySettings("1000000001", "John Doe", false, false);
        var composer = Composer(ChannelKind.Mention, none);
        Type(composer, new string('a', 251));
        Assert.Equal("251 / 280", Counter(composer));
        Assert.False(SendDisabled(composer));

        composer.Render(p => p.Add(c => c.Settings, Both));

        Assert.Equal("281 / 280", Counter(composer));
        Assert.True(SendDisabled(composer));
        Assert.EndsWith("- J.D https://twitter.com/messages/compose?recipient_id=1000000001",
            composer.Find("[data-testid=reply-preview] .reply-preview-text").TextContent);
    }

    [Fact]
    public void AMentionReply_CountsTheInitialsAndTheDeepLink_AndPreviewsThePostedText()
    {
        var composer = Composer(ChannelKind.Mention, Both);

        Type(composer, "Thanks! 😀");

        // "Thanks! " 8 + emoji 2 + " - J.D" 6 + " " 1 + link 23 = 40
        Assert.Equal("40 / 280", Counter(composer));
        Assert.Equal("Thanks! 😀 - J.D https://twitter.com/messages/compose?recipient_id=1000000001",
            composer.Find("[data-testid=reply-preview] .reply-preview-text").TextContent);
        Assert.False(SendDisabled(composer));
    }

    [Fact]
    public void BelowTwentyLeft_Warns_OverTheLimit_DisablesSendAndMarksTheOverflow()
    {
        var composer = Composer(ChannelKind.Mention, new ReplySettings("1000000001", "John Doe", false, false));

        Type(composer, new string('x', 265));
        Assert.Equal("15 left", composer.Find("[data-testid=counter-message]").TextContent);
        Assert.False(SendDisabled(composer));

        Type(composer, new string('x', 278) + "日本");
        Assert.Equal("282 / 280", Counter(composer));
        Assert.Equal("2 over the limit: shorten the reply.", composer.Find("[data-testid=counter-message]").TextContent);
        Assert.True(SendDisabled(composer));
    }

    [Fact]
    public void ADmReply_HasAPlainCounterTo10000_AndNothingAppended()
    {
        var composer = Composer(ChannelKind.DirectMessage, Both);

        Type(composer, "Hi 😀");

        Assert.Equal("5 / 10,000", Counter(composer));
        Assert.Empty(composer.FindAll("[data-testid=reply-preview]"));
        Type(composer, new string('x', 10_001));
        Assert.True(SendDisabled(composer));
    }

    [Fact]
    public void WhenSendingIsStopped_TheBoxSaysWhy_AndSendIsDisabled()
    {
        var composer = Composer(ChannelKind.DirectMessage, Both, stopped: "X has locked the account: sign in to X to unlock it, then retry.");

        Assert.Contains("X has locked the account", composer.Markup);
        Assert.True(SendDisabled(composer));
    }

    [Fact]
    public async Task WhenTheReplyCannotBeSaved_TheAgentSeesWhy_KeepsTheText_AndCanSendAgain()
    {
        var composer = Composer(ChannelKind.DirectMessage, Both);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            // The database stops answering the way the service expects.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE Conversations", Ct);
        }

        Type(composer, "Your refund is on its way.");
        await composer.Find("button[data-testid=send]").ClickAsync();

        composer.WaitForAssertion(() => Assert.StartsWith("The reply could not be saved", composer.Find("[data-testid=send-error]").TextContent.Trim()));
        Assert.Equal("Your refund is on its way.", composer.Find("textarea").GetAttribute("value") ?? composer.Find("textarea").TextContent);
        Assert.False(SendDisabled(composer));
    }

    private IRenderedComponent<ReplyComposer> Composer(ChannelKind kind, ReplySettings settings, string? stopped = null) =>
        Render<ReplyComposer>(p => p
            .Add(c => c.ConversationId, 1).Add(c => c.Kind, kind).Add(c => c.Settings, settings).Add(c => c.StoppedReason, stopped));

    private static void Type(IRenderedComponent<ReplyComposer> composer, string text) =>
        composer.Find("textarea").Input(text);

    private static string Counter(IRenderedComponent<ReplyComposer> composer) =>
        System.Text.RegularExpressions.Regex.Replace(composer.Find("[data-testid=counter]").TextContent, @"\s+", " ").Trim();

    private static bool SendDisabled(IRenderedComponent<ReplyComposer> composer) =>
        composer.Find("button[data-testid=send]").HasAttribute("disabled");
}
