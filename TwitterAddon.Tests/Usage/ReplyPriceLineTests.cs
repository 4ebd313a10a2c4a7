using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Pages.Inbox;

namespace TwitterAddon.Tests.Usage;

/// <summary>The reply box's price line on a Pay-per-use account: the price beside the count, and a link's price said before Send.</summary>
public sealed class ReplyPriceLineTests : CoreMudTestContext
{
    private static readonly ReplySettings DeepLink = new("1000000001", "John Doe", DmDeepLink: true, AgentInitial: true);
    private static readonly ReplySettings Plain = new("1000000001", "John Doe", DmDeepLink: false, AgentInitial: false);


    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.AddBareAccountAsync(AccountTier.PayPerUse);
    }

    [Fact]
    public void WithTheDmDeepLink_TheUrlPriceIsShownAndExplained_BeforeAWordIsTyped()
    {
        var composer = Composer(ChannelKind.Mention, DeepLink);

        composer.WaitForAssertion(() => Assert.Equal("· $0.20 on X", Text(composer, "reply-price")));
        Assert.Equal("This reply carries a link, which X prices as a post with a URL: $0.20 instead of $0.01.", Text(composer, "reply-price-note"));
    }

    [Fact]
    public void APlainMentionReply_CostsASummonedReply_UntilTheAgentTypesALink()
    {
        var composer = Composer(ChannelKind.Mention, Plain);
        composer.WaitForAssertion(() => Assert.Equal("· $0.01 on X", Text(composer, "reply-price")));
        Assert.Empty(composer.FindAll("[data-testid=reply-price-note]"));

        composer.Find("textarea").Input("Track it at acme.com/track please");

        Assert.Equal("· $0.20 on X", Text(composer, "reply-price"));
        Assert.NotEmpty(composer.FindAll("[data-testid=reply-price-note]"));
    }

    [Fact]
    public void ADmReply_ShowsTheDmPrice()
    {
        var composer = Composer(ChannelKind.DirectMessage, Plain);

        composer.WaitForAssertion(() => Assert.Equal("· $0.015 on X", Text(composer, "reply-price")));
    }

    [Fact]
    public async Task OnAV11Tier_ThereIsNoPriceLine()
    {
        await using (var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.XAccounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Tier, AccountTier.Premium), Ct);
        }

        var composer = Composer(ChannelKind.Mention, DeepLink);

        composer.WaitForAssertion(() => Assert.Equal("30 / 280", composer.Find("[data-testid=counter]").TextContent.Replace(" ", "").Replace("/", " / ")));
        Assert.Empty(composer.FindAll("[data-testid=reply-price]"));
    }

    private IRenderedComponent<ReplyComposer> Composer(ChannelKind kind, ReplySettings settings) =>
        Render<ReplyComposer>(p => p.Add(c => c.ConversationId, 1).Add(c => c.Kind, kind).Add(c => c.Settings, settings));

    private static string Text(IRenderedComponent<ReplyComposer> composer, string testId) =>
        System.Text.RegularExpressions.Regex.Replace(composer.Find($"[data-testid={testId}]").TextContent, @"\s+", " ").Trim();
}
