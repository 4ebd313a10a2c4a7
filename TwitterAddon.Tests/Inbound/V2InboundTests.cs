using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Inbound;

/// <summary>The X Activity API's deliveries into the inbox: one message per post or DM, whatever X delivers twice.</summary>
public class V2InboundTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private DrivenHarness driver = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => driver = await DrivenHarness.StartAsync(AccountTier.PayPerUse, Provider);

    public async ValueTask DisposeAsync() => await driver.DisposeAsync();

    [Fact]
    public async Task AQuoteOfOurReply_JoinsItsThread_AsAnUnreadMessageThatSummonsTheAccount()
    {
        var thread = await driver.MentionConversationAsync("jane_doe");
        await driver.ReplyAsync(thread, "Checking now.");
        await driver.DrainOutboxAsync();
        var ours = Assert.Single((await driver.SentOnXAsync()).Tweets)["id_str"]!.GetValue<string>();
        await driver.DeliverArrivedAsync();

        // post.quote.create comes with an empty includes, as X's samples: the quoted post is found in the inbox.
        var quote = await driver.CustomerTweetAsync("budi_santoso", "Same problem here", quoted: ours);
        await driver.DeliverAsync(1);

        var message = Assert.Single(await driver.MessagesAsync(), m => m.XId == quote);
        Assert.Equal((thread, true), (message.ConversationId, message.SummonsAccount));
        Assert.Equal(1, (await driver.ConversationAsync(thread)).UnreadCount);
    }

    [Fact]
    public async Task APostDeliveredAsAMentionAndAsAReply_IsOneMessage_InTheThreadItAnswers()
    {
        var thread = await driver.MentionConversationAsync("jane_doe");
        await driver.ReplyAsync(thread, "Checking now.");
        await driver.DrainOutboxAsync();
        var ours = Assert.Single((await driver.SentOnXAsync()).Tweets)["id_str"]!.GetValue<string>();
        await driver.DeliverArrivedAsync();

        var followUp = await driver.CustomerTweetAsync("jane_doe", "@AcmeSupport still nothing", inReplyTo: ours);
        await driver.DeliverAsync(2);

        var copies = (await driver.MessagesAsync()).Where(m => m.XId == followUp).ToList();
        Assert.Equal(thread, Assert.Single(copies).ConversationId);
        Assert.True(copies[0].SummonsAccount);
    }

    [Fact]
    public async Task ADeliveryXSendsTwice_IsOneMessage()
    {
        await driver.SetFaultsAsync(new { duplicate_deliveries = true });

        await driver.DmConversationAsync();
        await driver.DeliverArrivedAsync();

        Assert.Single(await driver.MessagesAsync());
    }

    [Fact]
    public async Task ADeliveryTaggedForAnotherInstallOfTheApp_IsIgnored_WithTheReason()
    {
        await driver.StoreAndProcessAsync(["""
            {"data":{"event_uuid":"-42","filter":{"user_id":"1000000001"},"event_type":"dm.received","tag":"staging",
             "payload":{"direct_message_events":[{"type":"message_create","id":"777","created_timestamp":"1784928224372",
               "message_create":{"target":{"recipient_id":"1000000001"},"sender_id":"1000000002","message_data":{"text":"hi"}}}],"users":{}}}}
            """]);

        Assert.Empty(await driver.MessagesAsync());
        await using var db = await driver.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.InboundEvents.SingleAsync(Ct);
        Assert.Equal((InboundEventStatus.Ignored, "Came through the subscription tagged \"staging\", not this install's \"demo\"."), (stored.Status, stored.Outcome));
    }

    [Fact]
    public async Task ADeliveryTaggedWithTheOldLabel_StillQueuedWhenTheLabelChanged_ReachesTheInbox()
    {
        await using (var scope = driver.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().ChangeEnvLabelAsync("production", "ada", Ct)).Succeeded);
        }

        await driver.StoreAndProcessAsync([TaggedDm("demo", "778", "sent before the move"), TaggedDm("staging", "779", "someone else's")]);

        var message = Assert.Single(await driver.MessagesAsync());
        Assert.Equal("sent before the move", message.Text);
    }

    private static string TaggedDm(string tag, string id, string text) => """
        {"data":{"event_uuid":"-ID","filter":{"user_id":"1000000001"},"event_type":"dm.received","tag":"TAG",
         "payload":{"direct_message_events":[{"type":"message_create","id":"ID","created_timestamp":"1784928224372",
           "message_create":{"target":{"recipient_id":"1000000001"},"sender_id":"1000000002","message_data":{"text":"TEXT"}}}],"users":{}}}}
        """.Replace("TAG", tag).Replace("ID", id).Replace("TEXT", text);

    [Fact]
    public async Task AfterDowntime_XReplaysWhatTheHostMissed_AndItArrivesOnce()
    {
        driver.RefuseNextDeliveries(1);
        await driver.CustomerTweetAsync("jane_doe", "@AcmeSupport anybody there?");
        await driver.WaitForDeliveryAttemptsAsync(1);
        Assert.Empty(await driver.MessagesAsync());

        driver.Clock.Advance(TimeSpan.FromMinutes(3));
        await CheckAsync(afterDowntime: true);
        await driver.DeliverAsync(1);
        // A second start replays the same stretch again: the inbox keeps one copy.
        await CheckAsync(afterDowntime: true);
        await driver.DeliverArrivedAsync();

        var message = Assert.Single(await driver.MessagesAsync());
        Assert.Equal("@AcmeSupport anybody there?", message.Text);
        await using var db = await driver.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var replayed = await db.XAccounts.SingleAsync(Ct);
        Assert.StartsWith("Asked X to deliver them again", replayed.ReplayNote);
        Assert.True(replayed.ReplayNoteFrom < replayed.ReplayNoteTo, "The page shows the stretch replayed, in the viewer's time zone.");
    }

    [Fact]
    public async Task AReplayXRefuses_IsSaidOnSetup_AndAskedAgainAtTheNextCheck()
    {
        driver.RefuseNextDeliveries(1);
        await driver.CustomerTweetAsync("jane_doe", "@AcmeSupport anybody there?");
        await driver.WaitForDeliveryAttemptsAsync(1);
        driver.Clock.Advance(TimeSpan.FromMinutes(3));
        // The check lists the webhooks, then the subscriptions, then asks the count; X refuses the replay that follows.
        await driver.ScriptAsync(XAnswers.Ok(), XAnswers.Ok(), XAnswers.Ok(), XAnswers.Fail(400));

        await CheckAsync(afterDowntime: true);

        var account = await AccountAsync();
        Assert.StartsWith("X did not replay them yet", account.ReplayNote);
        Assert.EndsWith("The add-on asks again at the next check.", account.ReplayNote);
        Assert.NotNull(account.ReplayFrom);
        Assert.Empty(await driver.MessagesAsync());

        await CheckAsync(afterDowntime: false);
        await driver.DeliverAsync(1);

        Assert.Equal("@AcmeSupport anybody there?", Assert.Single(await driver.MessagesAsync()).Text);
        Assert.Null((await AccountAsync()).ReplayFrom);
    }

    [Fact]
    public async Task AReplyWhoseAuthorXNamesByIdOnly_ShowsTheId_UntilXSaysWhoItIs()
    {
        var (_, ours) = await driver.FollowUpWithoutMentionAsync("jane_doe");
        var newcomer = await driver.NewCustomerAsync("sam_lee", "Sam Lee");
        // A reply that does not name the account comes only as post.reply.create, whose includes X leaves empty.
        await driver.CustomerTweetAsync("sam_lee", "same problem here", inReplyTo: ours);
        await driver.DeliverAsync(1);

        var unnamed = await driver.ContactAsync(newcomer);
        Assert.Equal((newcomer, newcomer, true), (unnamed.Name, unnamed.ScreenName, unnamed.ProfileWanted));

        Assert.Equal(1, await driver.LookUpProfilesAsync());

        var named = await driver.ContactAsync(newcomer);
        Assert.Equal(("Sam Lee", "sam_lee", false), (named.Name, named.ScreenName, named.ProfileWanted));
        Assert.Equal(0, await driver.LookUpProfilesAsync());
    }

    [Fact]
    public async Task WhenXCannotSayWhoItIs_TheLookupWaits_AndAnIdXDoesNotKnowStaysAnId()
    {
        await driver.StoreAndProcessAsync(["""
            {"data":{"event_uuid":"-77","filter":{"user_id":"1000000001"},"event_type":"post.reply.create","tag":"demo",
             "payload":{"id":"5550001","text":"@AcmeSupport gone soon","author_id":"999999","in_reply_to_user_id":"1000000001",
              "conversation_id":"5550001","created_at":"2026-12-02T09:00:00.000Z","display_text_range":[13,22],
              "entities":{"mentions":[{"start":0,"end":12,"username":"AcmeSupport","id":"1000000001"}]}},"includes":{}}}
            """]);
        await driver.ScriptAsync(XAnswers.Fail(429, 88));

        Assert.Equal(0, await driver.LookUpProfilesAsync());
        Assert.Equal(0, await driver.LookUpProfilesAsync());
        Assert.True((await driver.ContactAsync("999999")).ProfileWanted);

        driver.Clock.Advance(ContactProfileWorker.WaitAfterFailure);
        Assert.Equal(1, await driver.LookUpProfilesAsync());

        var gone = await driver.ContactAsync("999999");
        Assert.Equal(("999999", false), (gone.ScreenName, gone.ProfileWanted));
    }

    private async Task<XAccount> AccountAsync()
    {
        await using var db = await driver.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        return await db.XAccounts.SingleAsync(Ct);
    }

    private async Task CheckAsync(bool afterDowntime)
    {
        await using var scope = driver.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountHealth>().CheckAsync(afterDowntime, Ct);
    }

}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class V2InboundTestsOnPostgreSql : V2InboundTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
