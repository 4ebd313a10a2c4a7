using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Team;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Pages.Channels;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Tests.ChannelsPage;

public sealed class ChannelEditorTests : CoreMudTestContext
{
    private static readonly AccountSummary Account = new(
        "1000000001", "AcmeSupport", "Acme Support", null, AccountTier.Sandbox, "sandbox", "key", "http://x/webhooks/twitter/k", "1",
        true, true, false, DateTimeOffset.UtcNow, null, null, null, null);

    public ChannelEditorTests()
    {
        Auth.SetAuthorized("john@example.com");
        Auth.SetClaims(new Claim(TeamMemberClaimsPrincipalFactory.DisplayNameClaim, "John Doe"), new Claim(ClaimTypes.Email, "john@example.com"));
    }


    [Fact]
    public void MentionExample_FollowsTheToggles_WithTheAgentsInitials_AndTheCost()
    {
        var example = Render<MentionReplyExample>(p => p.Add(c => c.AccountUserId, "1000000001").Add(c => c.DmDeepLink, false).Add(c => c.AgentInitial, false));
        Assert.Equal("Thanks for reaching out! We're checking your order now.", example.Find("[data-testid=example-text]").TextContent);
        Assert.Contains("all 280 characters are the agent's", example.Find("[data-testid=example-count]").TextContent);

        example.Render(p => p.Add(c => c.AgentInitial, true));
        Assert.EndsWith("- J.D", example.Find("[data-testid=example-text]").TextContent);
        Assert.Contains("The initials use 6 of the 280 characters (a space and \"- J.D\")", example.Find("[data-testid=example-count]").TextContent);

        example.Render(p => p.Add(c => c.DmDeepLink, true));
        Assert.Contains("Send a private message", example.Markup);
        Assert.DoesNotContain("messages/compose", example.Find("[data-testid=example-text]").TextContent);
        Assert.Contains("The deep link and the initials use 30 of the 280 characters", example.Find("[data-testid=example-count]").TextContent);

        example.Render(p => p.Add(c => c.AgentInitial, false));
        Assert.Contains("The deep link uses 24 of the 280 characters (a space, and the link, which X counts as 23); 256 are left",
            example.Find("[data-testid=example-count]").TextContent);
    }

    [Fact]
    public async Task Editor_WithoutAName_SaysSo_AndSavesNothing()
    {
        var saved = false;
        var editor = Render<ChannelEditor>(p => p.Add(c => c.Kind, ChannelKind.Mention).Add(c => c.Account, Account)
            .Add(c => c.Saved, (string? _) => saved = true));

        await editor.Find("[data-testid=save-channel]").ClickAsync();

        editor.WaitForAssertion(() => Assert.Contains("Give the channel a name.", editor.Markup));
        Assert.False(saved);
        Assert.Empty(await Services.GetRequiredService<ChannelService>().ListAsync(Ct));
    }

    [Fact]
    public async Task DmEditor_ShowsTheIntermediaryEndpoint_OnlyForTwitterApi()
    {
        var editor = Render<ChannelEditor>(p => p.Add(c => c.Kind, ChannelKind.DirectMessage).Add(c => c.Account, Account));
        Assert.DoesNotContain(IntermediaryReceiver.Path, editor.Markup);

        await editor.FindAll("input[type=radio]")[1].ClickAsync();

        editor.WaitForAssertion(() => Assert.Contains(IntermediaryReceiver.Path, editor.Markup));
    }
}
