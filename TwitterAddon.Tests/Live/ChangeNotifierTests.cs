using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Live;

namespace TwitterAddon.Tests.Live;

/// <summary>Live updates reach every open page on its own: a failing or slow page holds up no other.</summary>
public sealed class ChangeNotifierTests
{
    // Long enough never to expire on a busy machine; the tests wait for events, never for time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly InboxNotifier notifier;

    public ChangeNotifierTests() => notifier = new InboxNotifier(clock, NullLogger<InboxNotifier>.Instance);

    private TimeSpan JustBefore => notifier.CoalesceWindow - TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task OneThrows_AnotherIsSlow_AndAThirdStillUpdates_WhenTheWindowEnds()
    {
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSlow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var failing = notifier.Subscribe(_ => throw new InvalidOperationException("This page's query failed."));
        using var slow = notifier.Subscribe(async _ =>
        {
            slowStarted.TrySetResult();
            await releaseSlow.Task;
        });
        using var updates = new SemaphoreSlim(0);
        using var third = notifier.Subscribe(_ =>
        {
            updates.Release();
            return Task.CompletedTask;
        });

        notifier.EverythingChanged();
        clock.Advance(JustBefore);
        Assert.False(updates.Wait(0, Ct), "Nothing is delivered before the coalescing window ends.");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await updates.WaitAsync(Patience, Ct), "The third page got the first change.");
        await slowStarted.Task.WaitAsync(Patience, Ct);

        // The slow page is still busy with the first change; the next one reaches the third page all the same.
        notifier.EverythingChanged();
        clock.Advance(notifier.CoalesceWindow);
        Assert.True(await updates.WaitAsync(Patience, Ct), "The third page got the second change while the slow one was busy.");
        releaseSlow.SetResult();
    }

    [Fact]
    public async Task ASlowPage_MissesNothing_ItIsCalledAgainForTheChangesMadeWhileItWorked()
    {
        var calls = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = notifier.Subscribe(async _ =>
        {
            (Interlocked.Increment(ref calls) == 1 ? firstCall : secondCall).TrySetResult();
            await release.Task;
        });

        notifier.EverythingChanged();
        clock.Advance(notifier.CoalesceWindow);
        await firstCall.Task.WaitAsync(Patience, Ct);
        notifier.EverythingChanged();
        clock.Advance(notifier.CoalesceWindow);
        notifier.EverythingChanged();
        clock.Advance(notifier.CoalesceWindow);
        Assert.False(secondCall.Task.IsCompleted, "A page is never called twice at once.");

        release.SetResult();

        await secondCall.Task.WaitAsync(Patience, Ct);
    }

    [Fact]
    public async Task AClosedPage_GetsNothingMore_AndItsWorkIsCancelled()
    {
        var running = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var subscription = notifier.Subscribe(async unsubscribed =>
        {
            Interlocked.Increment(ref calls);
            running.TrySetResult(unsubscribed);
            await Task.Delay(Timeout.Infinite, unsubscribed);
        });
        using var rounds = new SemaphoreSlim(0);
        using var other = notifier.Subscribe(_ =>
        {
            rounds.Release();
            return Task.CompletedTask;
        });

        notifier.EverythingChanged();
        clock.Advance(notifier.CoalesceWindow);
        var token = await running.Task.WaitAsync(Patience, Ct);
        Assert.True(await rounds.WaitAsync(Patience, Ct));
        subscription.Dispose();

        Assert.True(token.IsCancellationRequested);
        notifier.EverythingChanged();
        clock.Advance(notifier.CoalesceWindow);
        Assert.True(await rounds.WaitAsync(Patience, Ct), "The other page still gets the change.");
        Assert.Equal(1, Volatile.Read(ref calls));
    }
}
