using TwitterAddon.LoadTest;

// Runs the real host (TwitterAddon.Web.dll, Release) as a child process on its own SQLite file and pushes
// signed Account Activity events at its webhook, the way X would.
//   load [--seconds 30] [--concurrency 32]   throughput and ack latency, then the same load on a bare 200 endpoint
//   kill [--events 3000] [--kills 5]         SIGKILLs the host while events flow; every acked event must be in the inbox once
var options = RunOptions.Parse(args);
return options.Command switch
{
    "load" => await LoadRun.RunAsync(options),
    "kill" => await KillRun.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TwitterAddon.LoadTest load|kill --web <path to TwitterAddon.Web.dll> [--seconds N] [--concurrency N] [--events N] [--kills N]");
    return 2;
}
