using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Web.Components.Pages.Inbox;

namespace TwitterAddon.Tests.InboxPage;

/// <summary>
/// When a searching or flooded inbox tab reads its rows again: a search at once after a quiet moment, changes close
/// together spaced by 250 ms or 20 times its average reload (at most 1 s), a flood at most once a second. On a fake
/// clock: each reload "takes" the time the test advances the clock by.
/// </summary>
public sealed class ListReloadPaceTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ListReloadPace pace;
    private int reloads;

    public ListReloadPaceTests() => pace = new ListReloadPace(clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASearch_ReloadsAtOnceAfterAQuietMoment_AndChangesCloseTogether250msApart()
    {
        await AtOnce(pace.ReloadAsync(flood: false, Reload(TimeSpan.FromMilliseconds(5)), Ct));
        clock.Advance(TimeSpan.FromSeconds(5));
        await AtOnce(pace.ReloadAsync(flood: false, Reload(TimeSpan.FromMilliseconds(5)), Ct));
        Assert.Equal(2, reloads);

        // The next change comes 100 ms after the last reload began: it waits until 250 ms have passed.
        clock.Advance(TimeSpan.FromMilliseconds(95));
        await AssertWaitsAsync(pace.ReloadAsync(flood: false, Reload(TimeSpan.Zero), Ct), TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task ASlowSearch_IsSpacedAt20TimesItsAverageReload_AtMostASecond()
    {
        // Reloads of 30 ms: the next waits 600 ms from the last one's start.
        await AtOnce(pace.ReloadAsync(flood: false, Reload(TimeSpan.FromMilliseconds(30)), Ct));
        await AssertWaitsAsync(pace.ReloadAsync(flood: false, Reload(TimeSpan.FromMilliseconds(30)), Ct), TimeSpan.FromMilliseconds(570));

        // Reloads of 200 ms would mean 4 s: a second is the most a DM waits.
        var slow = new ListReloadPace(clock);
        await AtOnce(slow.ReloadAsync(flood: false, Reload(TimeSpan.FromMilliseconds(200)), Ct));
        await AssertWaitsAsync(slow.ReloadAsync(flood: false, Reload(TimeSpan.Zero), Ct), TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public async Task AFlood_ReloadsAtMostOnceASecond()
    {
        await AtOnce(pace.ReloadAsync(flood: true, Reload(TimeSpan.FromMilliseconds(5)), Ct));
        await AssertWaitsAsync(pace.ReloadAsync(flood: true, Reload(TimeSpan.Zero), Ct), TimeSpan.FromMilliseconds(995));
    }

    [Theory]
    [InlineData(20, false, false)]
    [InlineData(21, false, true)]
    [InlineData(1, true, true)]
    [InlineData(-1, false, true)]
    public void AFlood_IsMoreChangedRowsThanAreWorthARowEach_DeliveriesQueueing_OrAChangeLogThatCannotSay(int changed, bool queueing, bool flood) =>
        Assert.Equal(flood, ListReloadPace.IsFlood(changed < 0 ? null : Enumerable.Range(1, changed).ToHashSet(), queueing));

    private Func<Task> Reload(TimeSpan takes) => () =>
    {
        reloads++;
        clock.Advance(takes);
        return Task.CompletedTask;
    };

    /// <summary>The reload ran without waiting for the (fake) clock: had it waited, nothing would advance it.</summary>
    private static Task AtOnce(Task reload)
    {
        Assert.True(reload.IsCompleted, "The reload waited");
        return reload;
    }

    /// <summary>The reload has not run a moment before <paramref name="wait"/> is over, and runs when it is.</summary>
    private async Task AssertWaitsAsync(Task reload, TimeSpan wait)
    {
        var before = reloads;
        clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.False(reload.IsCompleted);
        Assert.Equal(before, reloads);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await reload.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(before + 1, reloads);
    }
}
