namespace TwitterAddon.LoadTest;

/// <summary>
/// The kill test of the inbound issue: events flow at concurrency 16 while the host is SIGKILLed several
/// times and restarted; afterwards every event answered 200 must be in the inbox exactly once.
/// </summary>
internal static class KillRun
{
    public static async Task<int> RunAsync(RunOptions options)
    {
        var (host, folder, databaseFile, key) = await HostProcess.StartSeededAsync(options.WebDll, "kill", options.Tier);
        using var running = host;
        var generator = new LoadGenerator(host.BaseUrl, key, options.Tier, 16, "5", retryUntilAcked: true);
        using var finished = new CancellationTokenSource();
        var load = generator.RunAsync(TimeSpan.FromMinutes(10), options.Events, finished.Token);

        var random = new Random(7);
        for (var kill = 1; kill <= options.Kills && !load.IsCompleted; kill++)
        {
            await Task.Delay(random.Next(150, 500));
            host.Kill();
            Console.WriteLine($"kill {kill}: SIGKILL sent; restarting");
            await Task.Delay(random.Next(50, 300));
            await host.StartAsync();
        }

        var result = await load;
        await InboxCheck.WaitDrainedAsync(databaseFile, TimeSpan.FromMinutes(5));
        var ids = await InboxCheck.MessageIdCountsAsync(databaseFile);
        var missing = result.AckedIds.Where(id => !ids.ContainsKey(id)).ToList();
        var doubled = ids.Count(pair => pair.Value > 1);
        Console.WriteLine($"{options.Events} events sent, {result.Acked} answered 200, {result.Errors} attempts refused or cut off by a kill (sent again); " +
            $"inbox holds {ids.Count} messages: {missing.Count} acked events missing, {doubled} twice");
        host.Kill();
        Directory.Delete(folder, recursive: true);
        return missing.Count == 0 && doubled == 0 ? 0 : 1;
    }
}
