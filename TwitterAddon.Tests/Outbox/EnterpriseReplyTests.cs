using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Outbox;

/// <summary>
/// Enterprise access has no reply rule: an agent may answer a customer's reply that does not mention the account.
/// Which access the app has is X's to say, so an app X still holds on Pay-per-use gets X's refusal, in words.
/// </summary>
public sealed class EnterpriseReplyTests : IAsyncLifetime
{
    private DrivenHarness driver = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => driver = await DrivenHarness.StartAsync(AccountTier.Enterprise);

    public async ValueTask DisposeAsync() => await driver.DisposeAsync();

    [Fact]
    public async Task OnEnterprise_AReplyToAPostThatDoesNotMentionTheAccount_IsPosted()
    {
        await driver.SetAppAccessAsync("enterprise");
        var (conversation, _) = await driver.FollowUpWithoutMentionAsync();

        Assert.Null((await driver.ConversationAsync(conversation)).CannotReplyBecause);
        var reply = (await driver.SendAsync(conversation, "Here is the update.")).MessageId!.Value;
        await driver.DrainOutboxAsync();

        var posted = (await driver.SentOnXAsync()).Tweets;
        Assert.Equal(2, posted.Count);
        var sent = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Sent, posted[^1]["id_str"]!.GetValue<string>()), (sent.Status, sent.XId));
    }

    [Fact]
    public async Task AnAppXStillHoldsOnPayPerUse_GetsXsRefusal_AsAClearFailure_NeverARetry()
    {
        var (conversation, _) = await driver.FollowUpWithoutMentionAsync();

        var reply = (await driver.SendAsync(conversation, "Here is the update.")).MessageId!.Value;
        await driver.DrainOutboxAsync();

        var failed = await driver.MessageAsync(reply);
        Assert.Equal((MessageStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.StartsWith("X allows replies only to posts that mention or quote the account", failed.Error);
        Assert.Single((await driver.SentOnXAsync()).Tweets);
    }
}
