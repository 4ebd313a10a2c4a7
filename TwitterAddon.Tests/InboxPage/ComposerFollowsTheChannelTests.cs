using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Team;
using TwitterAddon.Tests.Infrastructure;
using InboxPageComponent = TwitterAddon.Web.Components.Pages.Inbox.Inbox;

namespace TwitterAddon.Tests.InboxPage;

/// <summary>
/// An admin changes the mention channel while an agent has a reply open: the agent's box follows the change, and a reply
/// whose posted text would differ from the preview the agent saw is refused until the agent has seen the new one.
/// </summary>
public sealed class ComposerFollowsTheChannelTests : CoreMudTestContext
{
    public ComposerFollowsTheChannelTests()
    {
        Auth.SetAuthorized("john@example.com");
        Auth.SetClaims(new Claim(TeamMemberClaimsPrincipalFactory.DisplayNameClaim, "John Doe"));
    }

    [Fact]
    public async Task TurningTheTogglesOn_RedrawsTheOpenBox_AndSendIsDisabledPastTheLimit()
    {
        var (channelId, conversationId) = await MentionConversationAsync();
        var page = Render<InboxPageComponent>(p => p.Add(c => c.ConversationId, conversationId));
        page.WaitForAssertion(() => Assert.Contains("help please", page.Find("[data-testid=thread]").TextContent));
        page.Find("textarea").Input(new string('a', 251));
        Assert.Equal("251 / 280", Counter(page));
        Assert.False(SendDisabled(page));

        await Services.GetRequiredService<ChannelService>().UpdateAsync(
            channelId, new ChannelForm { Name = "Mentions", DmDeepLink = true, AgentInitial = true }, "ada@example.com", Ct);

        page.WaitForAssertion(() => Assert.Equal("281 / 280", Counter(page)), TimeSpan.FromSeconds(10));
        Assert.True(SendDisabled(page));
        Assert.Contains("twitter.com/messages/compose", page.Find("[data-testid=reply-preview]").TextContent);
    }

    [Fact]
    public async Task AChangeTheAgentHasNotSeen_RefusesTheSend_ShowsTheNewPreview_AndTheSecondSendGoesOut()
    {
        var (_, conversationId) = await MentionConversationAsync();
        var page = Render<InboxPageComponent>(p => p.Add(c => c.ConversationId, conversationId));
        page.WaitForAssertion(() => Assert.Contains("help please", page.Find("[data-testid=thread]").TextContent));
        page.Find("textarea").Input("On its way");
        Assert.Empty(page.FindAll("[data-testid=reply-preview]"));

        // The change lands between the agent's last look and the click: nothing has told this page yet.
        await using (var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.Channels.ExecuteUpdateAsync(c => c.SetProperty(x => x.AgentInitial, true), Ct);
        }

        await SendAsync(page);

        page.WaitForAssertion(() => Assert.Contains("The channel's settings changed while you were writing", page.Find("[data-testid=send-error]").TextContent));
        page.WaitForAssertion(() => Assert.Equal("On its way - J.D", page.Find("[data-testid=reply-preview] .reply-preview-text").TextContent.Trim()));
        Assert.Empty(await RepliesAsync(conversationId));

        await SendAsync(page);

        page.WaitForAssertion(() => Assert.Equal(["On its way - J.D"], RepliesAsync(conversationId).GetAwaiter().GetResult()));
    }

    private async Task<(int ChannelId, int ConversationId)> MentionConversationAsync()
    {
        await Services.AddBareAccountAsync();
        await Services.GetRequiredService<ChannelService>().AddAsync(ChannelKind.Mention, new ChannelForm { Name = "Mentions" }, "ada@example.com", Ct);
        await using var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var channelId = await db.Channels.Select(c => c.Id).SingleAsync(Ct);
        var customer = Contact.Of("5000", "Jane Doe", "jane_doe");
        var conversation = Conversation.StartThread("1000000001", "700", customer, DateTimeOffset.UtcNow);
        conversation.RouteTo(channelId);
        var message = Message.FromCustomer("700", "@AcmeSupport help please", DateTimeOffset.UtcNow, customer);
        conversation.Add(message);
        db.Messages.Add(message);
        await db.SaveChangesAsync(Ct);
        return (channelId, conversation.Id);
    }

    private async Task<string[]> RepliesAsync(int conversationId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        return await db.Messages.Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Outbound).Select(m => m.Text).ToArrayAsync(Ct);
    }

    // Found and clicked on the renderer's thread, so a render in between (the prices arriving) cannot swap the button.
    private static Task SendAsync(IRenderedComponent<InboxPageComponent> page) =>
        page.InvokeAsync(() => page.Find("button[data-testid=send]").ClickAsync(new MouseEventArgs()));

    private static string Counter(IRenderedComponent<InboxPageComponent> page) =>
        System.Text.RegularExpressions.Regex.Replace(page.Find("[data-testid=counter]").TextContent, @"\s+", " ").Trim();

    private static bool SendDisabled(IRenderedComponent<InboxPageComponent> page) =>
        page.Find("button[data-testid=send]").HasAttribute("disabled");
}
