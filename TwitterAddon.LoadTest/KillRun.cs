namespace TwitterAddon.LoadTest;

/// <summary>
/// The kill test of the inbound issue: events flow at concurrency 16 while a host is SIGKILLed several times and
/// restarted; afterwards every event answered 200 must be in the inbox exactly once. With <c>--instances 2</c> on
/// PostgreSQL the events are spread over two instances and the one killed alternates: the survivor acks and, once the
/// dead one's lease runs out, processes.
/// </summary>
internal static class KillRun
{
    public static async Task<int> RunAsync(RunOptions options)
    {
        var (hosts, folder, database, key) = await HostProcess.StartSeededAsync(options, "kill");
        using var db = database;
        Console.WriteLine($"{hosts.Count} instance(s) on {database.Description}");
        var generator = new LoadGenerator([.. hosts.Select(h => h.BaseUrl)], key, options.Tier, 16, "5", retryUntilAcked: true);
        using var finished = new CancellationTokenSource();
        var load = generator.RunAsync(TimeSpan.FromMinutes(10), options.Events, finished.Token);

        var random = new Random(7);
        for (var kill = 1; kill <= options.Kills && !load.IsCompleted; kill++)
        {
            await Task.Delay(random.Next(150, 500));
            var victim = hosts[kill % hosts.Count];
            victim.Kill();
            Console.WriteLine($"kill {kill}: SIGKILL sent to {victim.BaseUrl}; restarting");
            await Task.Delay(random.Next(50, 300));
            await victim.StartAsync();
        }

        var result = await load;
        await InboxCheck.WaitDrainedAsync(database, TimeSpan.FromMinutes(5));
        var ids = await InboxCheck.MessageIdCountsAsync(database);
        var missing = result.AckedIds.Where(id => !ids.ContainsKey(id)).ToList();
        var doubled = ids.Count(pair => pair.Value > 1);
        Console.WriteLine($"{options.Events} events sent, {result.Acked} answered 200, {result.Errors} attempts refused or cut off by a kill (sent again); " +
            $"inbox holds {ids.Count} messages: {missing.Count} acked events missing, {doubled} twice");
        foreach (var host in hosts)
        {
            host.Kill();
        }

        Directory.Delete(folder, recursive: true);
        return missing.Count == 0 && doubled == 0 ? 0 : 1;
    }
}
