using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Usage;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Usage;

/// <summary>
/// The monthly budget through the real outbox and the emulated X: replies go out until this month's estimated spend
/// reaches it, then wait queued (as with X's 326) until an admin resumes, raises the budget, or the month ends.
/// </summary>
public class SendingBudgetTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private DrivenHarness driver = default!;
    private int conversation;

    public async ValueTask InitializeAsync()
    {
        driver = await DrivenHarness.StartAsync(AccountTier.PayPerUse, Provider);
        // $0.01 for the DM in, then $0.015 a reply: the first reply brings the month to 83 %, the second past 100 %.
        await driver.SaveUsageSettingsAsync(f => f.MonthlyBudget = 0.03m);
        conversation = await driver.DmConversationAsync();
    }

    public async ValueTask DisposeAsync() => await driver.DisposeAsync();

    [Fact]
    public async Task AtTheBudget_SendingPauses_RepliesWaitQueued_AndResumeSendsThemForTheRestOfTheMonth()
    {
        await SendAndDrainAsync("One");
        Assert.True((await driver.UsageSummaryAsync()).Budget.IsWarning);
        await SendAndDrainAsync("Two");

        var third = await driver.ReplyAsync(conversation, "Three");
        Assert.Equal(0, await driver.DrainOutboxAsync());

        Assert.StartsWith("This month's estimated X spend ($0.04) has reached the monthly budget of $0.03", await driver.SendingStoppedReasonAsync());
        Assert.Equal(MessageStatus.Queued, (await driver.MessageAsync(third)).Status);
        Assert.Equal(2, (await driver.SentOnXAsync()).DirectMessages.Count);
        var budget = (await driver.UsageSummaryAsync()).Budget;
        Assert.True(budget.PausesSending);

        // Inbound keeps arriving and is counted (the replies' dm.sent echoes first: they are free).
        await driver.DeliverAsync(2);
        await driver.DmConversationAsync("budi_santoso");
        Assert.Equal(50_000, (await driver.UsageSummaryAsync()).ThisMonthTotal.CostMicros);

        await driver.ResumeSendingAsync();
        Assert.Equal(1, await driver.DrainOutboxAsync());
        await SendAndDrainAsync("Four");
        Assert.Equal(4, (await driver.SentOnXAsync()).DirectMessages.Count);
        Assert.Null(await driver.SendingStoppedReasonAsync());
        Assert.False((await driver.UsageSummaryAsync()).Budget.PausesSending);
    }

    [Fact]
    public async Task RaisingTheBudget_LetsThePausedAccountSendAgain_WithoutResume()
    {
        var third = await ReachTheBudgetAsync();

        await driver.SaveUsageSettingsAsync(f => f.MonthlyBudget = 1m);

        Assert.Null(await driver.SendingStoppedReasonAsync());
        Assert.Equal(1, await driver.DrainOutboxAsync());
        Assert.Equal(MessageStatus.Sent, (await driver.MessageAsync(third)).Status);
    }

    [Fact]
    public async Task ANewMonth_StartsAfreshAndSendsWhatWaited_ButAResumeLastsOnlyItsOwnMonth()
    {
        var third = await ReachTheBudgetAsync();

        driver.MoveToEndOfMonth(before: TimeSpan.FromSeconds(-1));

        Assert.Equal(1, await driver.DrainOutboxAsync());
        Assert.Equal(MessageStatus.Sent, (await driver.MessageAsync(third)).Status);
        Assert.Null(await driver.SendingStoppedReasonAsync());
    }

    [Fact]
    public async Task WithoutABudget_NothingPauses()
    {
        await driver.SaveUsageSettingsAsync(f => f.MonthlyBudget = null);
        for (var i = 0; i < 4; i++)
        {
            await SendAndDrainAsync($"Reply {i}");
        }

        Assert.Equal(4, (await driver.SentOnXAsync()).DirectMessages.Count);
        Assert.False((await driver.UsageSummaryAsync()).Budget.HasBudget);
    }

    /// <summary>Two replies go out, the third finds the budget reached and waits; returns the third.</summary>
    private async Task<long> ReachTheBudgetAsync()
    {
        await SendAndDrainAsync("One");
        await SendAndDrainAsync("Two");
        var third = await driver.ReplyAsync(conversation, "Three");
        Assert.Equal(0, await driver.DrainOutboxAsync());
        Assert.NotNull(await driver.SendingStoppedReasonAsync());
        return third;
    }

    private async Task SendAndDrainAsync(string text)
    {
        await driver.ReplyAsync(conversation, text);
        Assert.Equal(1, await driver.DrainOutboxAsync());
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class SendingBudgetTestsOnPostgreSql : SendingBudgetTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
