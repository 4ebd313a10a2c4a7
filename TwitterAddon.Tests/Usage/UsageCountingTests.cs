using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Usage;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Usage;

/// <summary>
/// What X bills, counted as the inbound worker and the outbox do it on a Pay-per-use account: once per resource per
/// UTC day, whatever X delivers twice or replays, at the prices in force when it happened.
/// </summary>
public class UsageCountingTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private DrivenHarness driver = default!;

    public async ValueTask InitializeAsync() => driver = await DrivenHarness.StartAsync(AccountTier.PayPerUse, Provider);

    public async ValueTask DisposeAsync() => await driver.DisposeAsync();

    [Fact]
    public async Task ADmAndAMention_AreCountedAtXsPublishedPrices()
    {
        await driver.DmConversationAsync();
        await driver.MentionConversationAsync();

        var usage = await driver.UsageAsync();
        Assert.Equal(
            [(UsageKind.DirectMessageReceived, 10_000L), (UsageKind.MentionReceived, 5_000L)],
            usage.Select(r => (r.Kind, r.CostMicros)));
        var summary = await driver.UsageSummaryAsync();
        Assert.True(summary.ShowsCosts);
        Assert.Equal(new UsageAmount(2, 15_000), summary.TodayTotal);
        Assert.Equal(new UsageAmount(2, 15_000), summary.ThisMonthTotal);
    }

    [Fact]
    public async Task DuplicateDeliveries_AndAReplayDaysLater_AreCountedOnce()
    {
        await driver.DmConversationAsync();
        await driver.MentionConversationAsync();

        await driver.DeliverAllAgainAsync();
        driver.Clock.Advance(TimeSpan.FromDays(2));
        await driver.DeliverAllAgainAsync();

        Assert.Equal(2, (await driver.UsageAsync()).Count);
    }

    [Fact]
    public async Task ADeactivatedChannel_StillCountsWhatXDelivered()
    {
        await driver.SetChannelActiveAsync(ChannelKind.DirectMessage, false);

        await driver.CustomerDmAsync("jane_doe", "Anyone there?");
        await driver.DeliverAsync(1);

        Assert.Empty(await driver.MessagesAsync());
        Assert.Equal(UsageKind.DirectMessageReceived, Assert.Single(await driver.UsageAsync()).Kind);
    }

    [Fact]
    public async Task Replies_AreCountedOnceSent_AndTheirEchoesAreNotBilledAsCustomerMessages()
    {
        await PortalChanges.SetMentionTogglesAsync(driver.Services, dmDeepLink: false, agentInitial: false);
        var dm = await driver.DmConversationAsync();
        var mention = await driver.MentionConversationAsync();
        await driver.ReplyAsync(dm, "Hi Jane, it ships today.");
        await driver.ReplyAsync(mention, "Sorry for the wait!");

        Assert.Equal(2, await driver.DrainOutboxAsync());
        await driver.DeliverAsync(2);
        await driver.DeliverAllAgainAsync();

        // The DM echo (dm.sent) is free; the reply's post.create comes back and is billed as a post.
        var usage = await driver.UsageAsync();
        Assert.Equal(
            [
                (UsageKind.DirectMessageReceived, 10_000L), (UsageKind.MentionReceived, 5_000L), (UsageKind.OwnPostReceived, 5_000L),
                (UsageKind.DirectMessageReplySent, 15_000L), (UsageKind.MentionReplySent, 10_000L),
            ],
            usage.Select(r => (r.Kind, r.CostMicros)).Order());
    }

    [Fact]
    public async Task AMentionReplyWithTheDmDeepLink_PaysTheUrlPrice_UnlessTheAdminSaysOtherwise()
    {
        await PortalChanges.SetMentionTogglesAsync(driver.Services, dmDeepLink: true, agentInitial: false);
        var first = await driver.MentionConversationAsync("budi_santoso");
        await driver.ReplyAsync(first, "Sorry for the wait!");
        await driver.DrainOutboxAsync();

        await driver.SaveUsageSettingsAsync(f => f.LinkedRepliesPayUrlPrice = false);
        var second = await driver.MentionConversationAsync("jane_doe");
        await driver.ReplyAsync(second, "We are on it.");
        await driver.DrainOutboxAsync();

        Assert.Equal([200_000L, 10_000L], (await driver.UsageAsync()).Where(r => r.Kind == UsageKind.MentionReplyWithLinkSent).Select(r => r.CostMicros));
    }

    [Fact]
    public async Task DaysAndMonthsAreUtc_AnEventASecondBeforeMidnightBelongsToTheMonthBefore()
    {
        driver.MoveToEndOfMonth(before: TimeSpan.FromSeconds(1));
        await driver.DmConversationAsync("jane_doe");
        driver.Clock.Advance(TimeSpan.FromSeconds(2));
        await driver.DmConversationAsync("budi_santoso");

        var summary = await driver.UsageSummaryAsync();
        Assert.Equal(1, driver.Clock.GetUtcNow().Day);
        Assert.Equal(new UsageAmount(1, 10_000), summary.TodayTotal);
        Assert.Equal(new UsageAmount(1, 10_000), summary.ThisMonthTotal);
        Assert.Equal(new UsageAmount(2, 20_000), summary.Last30DaysTotal);
        Assert.Equal(2, (await driver.UsageAsync()).Select(r => r.Day).Distinct().Count());
    }

    [Fact]
    public async Task APriceChangeMidMonth_KeepsWhatWasCountedAtItsOwnPrice()
    {
        await driver.DmConversationAsync("jane_doe");
        await driver.SaveUsageSettingsAsync(f => f.DirectMessageReceived = 0.02m);
        await driver.DmConversationAsync("budi_santoso");

        var summary = await driver.UsageSummaryAsync();
        Assert.Equal(new UsageAmount(2, 30_000), summary.ThisMonthTotal);
        Assert.Equal(20_000, summary.Lines.Single(l => l.Kind == UsageKind.DirectMessageReceived).PriceMicros);
        Assert.False(summary.Settings.UsesXPublishedPrices);
    }

    [Fact]
    public async Task Retention_ForgetsCountsOlderThanItsDays()
    {
        await driver.DmConversationAsync("jane_doe");
        await driver.SaveUsageSettingsAsync(f => f.RetentionDays = UsageSettings.MinRetentionDays);
        driver.Clock.Advance(TimeSpan.FromDays(UsageSettings.MinRetentionDays - 1));
        await driver.DmConversationAsync("budi_santoso");
        var retention = driver.Services.GetRequiredService<UsageRetention>();

        Assert.Equal(0, await retention.PurgeAsync(TestContext.Current.CancellationToken));
        driver.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await retention.PurgeAsync(TestContext.Current.CancellationToken));

        Assert.Equal(UsageRecord.DayOf(driver.Clock.GetUtcNow().AddDays(-1)), Assert.Single(await driver.UsageAsync()).Day);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class UsageCountingTestsOnPostgreSql : UsageCountingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
