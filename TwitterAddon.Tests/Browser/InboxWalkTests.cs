using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Team;
using TwitterAddon.Tests.Accounts;
using TwitterAddon.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TwitterAddon.Tests.Browser;

/// <summary>
/// The product's main path in Chromium: a customer DMs and mentions the brand in the Sandbox; the agent John Doe
/// sees both arrive live, replies with the DM deep link and "- J.D", and the customer sees the reply on X.
/// </summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class InboxWalkTests : IAsyncLifetime
{
    private const string AgentPassword = "agent password 1";
    private BrowserSession session = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        session = await BrowserSession.StartAsync();
        using var scope = session.Portal.Services.CreateScope();
        var team = scope.ServiceProvider.GetRequiredService<TeamService>();
        Assert.True((await team.CreateFirstAdministratorAsync(new() { DisplayName = "Ada Admin", Email = "ada@example.com", Password = "correct horse battery" }, Ct)).Succeeded);
        Assert.True((await team.AddMemberAsync(new() { DisplayName = "John Doe", Email = "john@example.com", Password = AgentPassword, Role = TeamRoles.Agent }, "ada", Ct)).Succeeded);
        await session.Portal.Services.ConnectWithBothChannelsAsync(AccountTier.Sandbox);
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    [Fact]
    public async Task CustomerWrites_AgentSeesItLive_RepliesWithDeepLinkAndInitials_CustomerSeesTheThreadedReply()
    {
        var agent = await session.SignedInVisitorAsync("john@example.com", AgentPassword, timeZone: "Asia/Jakarta");
        await agent.GotoAsync("/inbox");
        await BrowserSession.WaitForInteractiveAsync(agent);
        await Expect(agent.GetByTestId("inbox-empty")).ToBeVisibleAsync();

        var customer = await session.SignedInVisitorAsync("ada@example.com", "correct horse battery");
        await customer.GotoAsync("/sandbox");
        await BrowserSession.WaitForInteractiveAsync(customer);
        await customer.GetByLabel("Message to @AcmeSupport").FillAsync("Where is my order #1234?");
        await customer.GetByTestId("send-dm").ClickAsync();
        await customer.GetByRole(AriaRole.Tab, new() { Name = "Public (mentions)" }).ClickAsync();
        await customer.GetByLabel("Tweet", new() { Exact = true }).FillAsync("@AcmeSupport my parcel is late");
        await customer.GetByTestId("post-tweet").ClickAsync();

        // Live: both arrive in the agent's open inbox without a reload, unread.
        var list = agent.GetByTestId("conversation-list");
        await Expect(list.GetByText("Where is my order #1234?")).ToBeVisibleAsync();
        await Expect(list.GetByText("my parcel is late")).ToBeVisibleAsync();
        await Expect(list.GetByTestId("unread")).ToHaveCountAsync(2);
        await BrowserSession.ScreenshotAsync(agent, "inbox-list");

        await list.GetByText("my parcel is late").ClickAsync();
        await Expect(agent.GetByTestId("kind-mention")).ToBeVisibleAsync();
        // Dates are in the agent's own time zone, with the whole moment on hover.
        await Expect(agent.GetByTestId("thread").GetByTestId("when").First).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"\(Asia/Jakarta, UTC\+07:00\)$"));
        var box = agent.GetByTestId("reply-text");
        // Empty, the box already counts and shows what the channel adds.
        await Expect(agent.GetByTestId("counter")).ToContainTextAsync("30 / 280");
        await Expect(agent.GetByTestId("reply-preview")).ToContainTextAsync("- J.D https://twitter.com/messages/compose?recipient_id=1000000001");
        await BrowserSession.ScreenshotAsync(agent, "inbox-mention-empty-box");
        await box.FillAsync(new string('a', 251));
        await Expect(agent.GetByTestId("counter")).ToContainTextAsync("281 / 280");
        await Expect(agent.GetByTestId("send")).ToBeDisabledAsync();
        // The agent's own last character is what is too long, not the link the channel adds.
        await Expect(agent.GetByTestId("overflow")).ToHaveTextAsync("a");
        await BrowserSession.ScreenshotAsync(agent, "inbox-over-limit");

        await box.FillAsync("Sorry for the wait! Please DM us your order number.");
        await Expect(agent.GetByTestId("reply-preview")).ToContainTextAsync(
            "Sorry for the wait! Please DM us your order number. - J.D https://twitter.com/messages/compose?recipient_id=1000000001");
        await Expect(agent.GetByTestId("counter")).ToContainTextAsync("81 / 280");
        await agent.GetByTestId("send").ClickAsync();
        await Expect(agent.GetByTestId("thread").GetByTestId("message-status")).ToHaveTextAsync("Delivered");
        await BrowserSession.ScreenshotAsync(agent, "inbox-mention");

        var reply = customer.GetByTestId("tweet").Filter(new() { HasText = "Replying to @jane_doe" });
        await Expect(reply).ToContainTextAsync("Sorry for the wait! Please DM us your order number. - J.D");
        await Expect(reply.GetByTestId("dm-button")).ToHaveTextAsync("Send a private message");

        // Read, the thread leaves the Unread filter...
        var mentionRow = list.GetByTestId("conversation-" + agent.Url.Split('/')[^1]);
        var unreadOnly = agent.GetByTestId("filter-unread");
        await unreadOnly.CheckAsync();
        await Expect(mentionRow).ToHaveCountAsync(0);

        // ...and the customer's answer to the reply, while the agent still has the conversation open, is shown, and stays unread.
        await reply.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await customer.GetByLabel("Tweet", new() { Exact = true }).FillAsync("@AcmeSupport thanks, it is order 1234");
        await customer.GetByTestId("post-tweet").ClickAsync();
        await Expect(agent.GetByTestId("thread")).ToContainTextAsync("thanks, it is order 1234");
        await Expect(agent.GetByTestId("new-messages")).ToContainTextAsync("1 new message");
        await Expect(mentionRow.GetByTestId("unread")).ToHaveTextAsync("1");
        await BrowserSession.ScreenshotAsync(agent, "inbox-follow-up-unread");
        await unreadOnly.UncheckAsync();

        // An admin turns the initials and the link off while the agent writes: the box follows at once.
        await box.FillAsync("Thanks");
        await Expect(agent.GetByTestId("counter")).ToContainTextAsync("36 / 280");
        await session.Portal.Services.SetMentionTogglesAsync(dmDeepLink: false, agentInitial: false);
        await Expect(agent.GetByTestId("counter")).ToContainTextAsync("6 / 280");
        await Expect(agent.GetByTestId("reply-preview")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(agent, "inbox-toggles-changed");
        await agent.GetByTestId("send").ClickAsync();
        await Expect(agent.GetByTestId("thread").GetByTestId("message-status").Last).ToHaveTextAsync("Delivered");
        await Expect(mentionRow.GetByTestId("unread")).ToHaveCountAsync(0);

        // Jane's DM is one click away from her mention.
        await agent.GetByTestId("other-conversations").GetByText("Where is my order #1234?").ClickAsync();
        await Expect(agent.GetByTestId("kind-dm")).ToBeVisibleAsync();
        await box.FillAsync("Hi Jane, it ships today.");
        await agent.GetByTestId("send").ClickAsync();
        await Expect(agent.GetByTestId("thread").GetByTestId("message-status")).ToHaveTextAsync("Delivered");
        await BrowserSession.ScreenshotAsync(agent, "inbox-dm");
        await customer.GetByRole(AriaRole.Tab, new() { Name = "Direct Message" }).ClickAsync();
        await Expect(customer.GetByTestId("dm-message").Last).ToContainTextAsync("Hi Jane, it ships today.");

        // A pasted 20,000-character search is cut at the field's limit and the connection stays up: the page still answers.
        var search = agent.GetByTestId("search");
        await search.FillAsync(new string('z', 20_000));
        Assert.Equal(TwitterAddon.Core.Inbox.ConversationFilter.SearchMaxLength, (await search.InputValueAsync()).Length);
        await Expect(agent.GetByTestId("inbox-empty")).ToHaveTextAsync("No conversation matches these filters.");
        await search.FillAsync("Jane");
        await Expect(list.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);

        // The whole walk ran under the pages' Content-Security-Policy without Chromium refusing anything.
        Assert.Empty(session.CspViolations);
    }
}
