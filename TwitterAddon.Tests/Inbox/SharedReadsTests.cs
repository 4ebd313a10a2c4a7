using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;

namespace TwitterAddon.Tests.Inbox;

/// <summary>
/// The open inbox pages redrawing for one change share one read, and never one from before a change they were told of.
/// </summary>
public sealed class SharedReadsTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InboxNotifier notifier;
    private readonly SharedReads shared;
    private int reads;

    public SharedReadsTests()
    {
        notifier = new InboxNotifier(clock, NullLogger<InboxNotifier>.Instance);
        shared = new SharedReads(notifier, clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => shared.Dispose();

    [Fact]
    public async Task AStoppingHost_CancelsTheReadsItShares()
    {
        var reading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var read = shared.ReadAsync(("row", 7), notifier.Position, async stopping =>
        {
            reading.SetResult(stopping);
            await Task.Delay(Timeout.Infinite, stopping);
            return "never";
        }, Ct);
        var token = await reading.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        shared.Dispose();

        Assert.True(token.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }

    [Fact]
    public async Task PagesRedrawingForTheSameChange_ShareOneRead()
    {
        notifier.ConversationChanged(7);
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var pages = Enumerable.Range(0, 30).Select(_ => shared.ReadAsync(("row", 7), notifier.Position, _ => Read(gate.Task), Ct)).ToList();
        gate.SetResult("row 7");

        Assert.All(await Task.WhenAll(pages), row => Assert.Equal("row 7", row));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task AReadThatStartedBeforeAChange_IsNotGivenToAPageThatKnowsOfIt()
    {
        notifier.ConversationChanged(7);
        var before = shared.ReadAsync(("row", 7), notifier.Position, _ => Read(Task.FromResult("before")), Ct);
        notifier.ConversationChanged(7);

        var after = await shared.ReadAsync(("row", 7), notifier.Position, _ => Read(Task.FromResult("after")), Ct);

        Assert.Equal(("before", "after", 2), (await before, after, reads));
    }

    [Fact]
    public async Task ARead_IsOfferedForAMomentOnly_AndOtherKeysReadOnTheirOwn()
    {
        var position = notifier.Position;
        await shared.ReadAsync(("row", 7), position, _ => Read(Task.FromResult("first")), Ct);
        await shared.ReadAsync(("row", 8), position, _ => Read(Task.FromResult("other")), Ct);
        clock.Advance(SharedReads.Kept);

        Assert.Equal("again", await shared.ReadAsync(("row", 7), position, _ => Read(Task.FromResult("again")), Ct));
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task AFailedRead_IsNotOfferedAgain()
    {
        var position = notifier.Position;
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            shared.ReadAsync<string>(("row", 7), position, _ => throw new InvalidOperationException("database gone"), Ct));

        Assert.Equal("back", await shared.ReadAsync(("row", 7), position, _ => Read(Task.FromResult("back")), Ct));
    }

    [Fact]
    public async Task APageThatCloses_StopsWaiting_AndTheOthersStillGetTheRead()
    {
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var closing = new CancellationTokenSource();
        var closed = shared.ReadAsync(("row", 7), notifier.Position, _ => Read(gate.Task), closing.Token);
        var open = shared.ReadAsync(("row", 7), notifier.Position, _ => Read(gate.Task), Ct);

        await closing.CancelAsync();
        gate.SetResult("row 7");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => closed);
        Assert.Equal(("row 7", 1), (await open, reads));
    }

    private async Task<string> Read(Task<string> answer)
    {
        Interlocked.Increment(ref reads);
        return await answer;
    }
}
