namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// Waiting for something to happen without polling on a timer: whatever changes calls <see cref="Pulse"/>, and a
/// waiter checks its condition again at each pulse. The limit only stops a hang; nothing here sleeps.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>The first non-null answer of <paramref name="check"/>, asked now and after every pulse.</summary>
    public async Task<T> UntilAsync<T>(Func<Task<T?>> check, string failure, TimeSpan? limit = null)
        where T : class
    {
        using var hang = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            // Taken before the check, so a change between the check and the wait is not missed.
            var changed = Volatile.Read(ref next).Task;
            if (await check() is { } answer)
            {
                return answer;
            }

            try
            {
                await changed.WaitAsync(hang.Token);
            }
            catch (OperationCanceledException) when (hang.IsCancellationRequested)
            {
                Assert.Fail(failure);
            }
        }
    }

    /// <summary>As <see cref="UntilAsync{T}(Func{Task{T}}, string, TimeSpan?)"/> for a plain condition.</summary>
    public Task UntilAsync(Func<bool> condition, string failure, TimeSpan? limit = null) =>
        UntilAsync(() => Task.FromResult(condition() ? new object() : null), failure, limit);

    /// <summary>Pulses whenever the inbound worker has handled a batch (it notifies the Setup page's counts).</summary>
    public static ChangeSignal OnInboundHandled(IServiceProvider services, out IDisposable subscription)
    {
        var signal = new ChangeSignal();
        subscription = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<TwitterAddon.Core.Live.AccountActivityNotifier>(services)
            .Subscribe(_ =>
            {
                signal.Pulse();
                return Task.CompletedTask;
            });
        return signal;
    }
}
