using TwitterAddon.LoadTest;

// Runs the real host (TwitterAddon.Web.dll, Release) as a child process on its own SQLite file and pushes
// signed events (v1.1 Account Activity or the v2 X Activity API) at its webhook, the way X would.
//   load [--seconds 30] [--concurrency 32]   throughput and ack latency, then the same load on a bare 200 endpoint
//   kill [--events 3000] [--kills 5]         SIGKILLs the host while events flow; every acked event must be in the inbox once
//   replykill [--kills 3]                    SIGKILLs the host while replies go out to a second host playing X, until kills
//                                            have landed --kills times before and after X had a reply; each must be on X once
//   tabs                                     the inbox page's size with a 1 MB channel icon, and the server memory 10 open inbox tabs add
//   seedscale --folder DIR [--messages N]    a busy brand's year in DIR (1,000,000 messages by default), once
//   scale --folder DIR [--tabs 30] [--live 20] [--trace FILE]  that inbox on the real host with live tabs: live latency,
//                                            memory, wire, ingest (FILE: a trace of every Chromium process during the live DMs)
//   live2 [--live 20]                        two instances on PostgreSQL: DMs acked by B, timed to the screen in inbox tabs on A
//   --database postgresql [--postgres CS] [--instances N]  load and kill on PostgreSQL (a fresh database on that server),
//                                            with the events spread over N instances
//   --api v1.1|v2                            Account Activity payloads for a Sandbox account (default), or X Activity API
//                                            envelopes for a Pay-per-use account
var options = RunOptions.Parse(args);
return options.Command switch
{
    "load" => await LoadRun.RunAsync(options),
    "kill" => await KillRun.RunAsync(options),
    "replykill" => await ReplyKillRun.RunAsync(options),
    "tabs" => await InboxTabsRun.RunAsync(options, tabs: 10),
    "seedscale" => await InboxScaleRun.SeedAsync(options.Folder, options.Messages),
    "scale" => await InboxScaleRun.RunAsync(options, options.Folder, options.Tabs, options.Live),
    "live2" => await CrossInstanceRun.RunAsync(options, tabs: 5, dms: options.Live),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TwitterAddon.LoadTest load|kill|replykill|tabs --web <path to TwitterAddon.Web.dll> [--seconds N] [--concurrency N] [--events N] [--kills N] [--api v1.1|v2]");
    return 2;
}
