using TwitterAddon.Core.Live;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// One database read for all the open inbox pages that redraw for the same change: thirty agents' tabs asking for the
/// row of the conversation a customer just wrote in get one query's answer, not thirty, and tabs under the same search
/// share its reload. A read is shared with a page only if it started after every change the page knows of (the
/// <see cref="InboxNotifier.Position"/> it redraws up to; writers tell the notifier after they commit), so no page is
/// shown rows from before a change it was told of. Only for a moment: a read is not offered for longer than the
/// pages redrawing for one change take to ask, which also bounds how long a write that told no one could go unseen.
/// </summary>
public sealed class SharedReads(InboxNotifier notifier, TimeProvider clock) : IDisposable
{
    /// <summary>How long a read is offered to other pages after it started.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();

    // A shared read is not cancelled with the page that started it (others wait for it), only when the host stops.
    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<object, Read> reads = [];

    /// <summary>
    /// The answer of a read of <paramref name="key"/> that started after change <paramref name="knownChanges"/>,
    /// running <paramref name="read"/> when there is none. The read is not cancelled with the asking page: other pages
    /// may be waiting for it (its token is cancelled when the host stops); the page itself stops waiting when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public Task<T> ReadAsync<T>(object key, long knownChanges, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        TaskCompletionSource<T> started;
        lock (gate)
        {
            if (reads.TryGetValue(key, out var shared) && shared.After >= knownChanges && clock.GetElapsedTime(shared.StartedAt) < Kept)
            {
                return ((Task<T>)shared.Answer).WaitAsync(cancellationToken);
            }

            Forget();
            started = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            // Taken before the read begins: every change up to here was committed before it.
            reads[key] = new Read(notifier.Position, clock.GetTimestamp(), started.Task);
        }

        // On the thread pool, not on the asking page's circuit: the read belongs to every page that shares it.
        _ = Task.Run(() => RunAsync(key, read, started), CancellationToken.None);
        return started.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!stopping.IsCancellationRequested)
        {
            stopping.Cancel();
        }

        stopping.Dispose();
    }

    private async Task RunAsync<T>(object key, Func<CancellationToken, Task<T>> read, TaskCompletionSource<T> answer)
    {
        try
        {
            answer.SetResult(await read(stopping.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            // A failed read is not offered again: the next page asking reads afresh.
            lock (gate)
            {
                if (reads.TryGetValue(key, out var shared) && shared.Answer == answer.Task)
                {
                    reads.Remove(key);
                }
            }

            answer.SetException(e);
        }
    }

    // Reads past their moment are dropped as new ones start: the table holds the few keys of the last changes.
    private void Forget()
    {
        foreach (var (key, read) in reads)
        {
            if (clock.GetElapsedTime(read.StartedAt) >= Kept)
            {
                reads.Remove(key);
            }
        }
    }

    private sealed record Read(long After, long StartedAt, Task Answer);
}
