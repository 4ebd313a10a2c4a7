using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.LoadTest;

/// <summary>
/// The reply kill test of the security issue: a DM reply and a mention reply are queued, the portal is SIGKILLed at a
/// random moment while they go out and restarted, trial after trial. X (a second host playing X, which outlives the
/// kills) answers late on purpose, so kills land before X has a reply and after X has it but before the portal hears
/// back; no echo reaches the portal (its webhook is not registered), as when it is down. At the end every reply must
/// be on X exactly once. Trials go on until each timing has been hit <c>--kills</c> times. With <c>--instances 2</c> on
/// PostgreSQL the instance killed is the one holding the outbox's lease, and the other takes the sending over when the
/// lease runs out (15 s), so a trial takes longer.
/// </summary>
internal static class ReplyKillRun
{
    private const int MaxTrials = 60;

    public static async Task<int> RunAsync(RunOptions options)
    {
        var (x, xFolder) = await HostProcess.EmulatedXAsync(options.WebDll);
        using var emulatedX = x;
        using var control = new HttpClient { BaseAddress = new Uri(x.BaseUrl + "/emulator/control/") };
        var mention = (await (await control.PostAsJsonAsync("tweets", new { author = "jane_doe", text = "@AcmeSupport where is my parcel?" })).Content
            .ReadFromJsonAsync<JsonObject>())!["id_str"]!.GetValue<string>();

        var folder = Directory.CreateTempSubdirectory("twitteraddon-replykill-").FullName;
        using var database = LoadDatabase.For(options, folder, "replykill");
        var portals = Enumerable.Range(0, options.Instances)
            .Select(_ => new HostProcess(options.WebDll, database, HostProcess.FreePort(), [$"--Twitter:ApiBaseUrl={x.BaseUrl}/emulator/x/"])).ToList();
        using var core = await Seeder.SeedForRepliesAsync(database, portals[0].BaseUrl, mention);
        foreach (var instance in portals)
        {
            await instance.StartAsync();
        }

        Console.WriteLine($"{portals.Count} instance(s) on {database.Description}");

        // X takes 0.6 s before it carries a send out and 1.5 s more before it answers: a kill can fall on either side.
        (await control.PutAsJsonAsync("faults", new { latency_ms = 600, slow_answer_rate = 1.0, slow_answer_ms = 1500 })).EnsureSuccessStatusCode();
        var random = new Random(11);
        var (queued, beforeX, afterX, dmsAfterX) = (0, 0, 0, 0);
        var trials = new List<(string Dm, string Mention)>();
        while ((beforeX < options.Kills || afterX < options.Kills) && trials.Count < MaxTrials)
        {
            var n = trials.Count + 1;
            var texts = ($"Trial {n}: your refund is on its way.", $"Trial {n}: sorry for the wait, it ships today.");
            trials.Add(texts);
            await QueueAsync(core.Services, texts, mention);

            await Task.Delay(random.Next(0, 4000));
            var portal = await OutboxHolderAsync(core.Services, portals);
            portal.Kill();
            var (onX, waiting) = (await OnXAsync(control), await WaitingAsync(core.Services));
            var inFlight = waiting.Where(r => r.Status == MessageStatus.Sending).Select(r => r.Text).ToList();
            queued += waiting.Count(r => r.Status == MessageStatus.Queued);
            afterX += inFlight.Count(onX.Contains);
            dmsAfterX += inFlight.Count(t => onX.Contains(t) && t == texts.Item1);
            beforeX += inFlight.Count(t => !onX.Contains(t));
            Console.WriteLine($"trial {n}: SIGKILL with {inFlight.Count} reply(s) being sent ({inFlight.Count(onX.Contains)} already on X), " +
                $"{waiting.Count - inFlight.Count} still queued; restarting");
            await portal.StartAsync();
            await WaitSentAsync(core.Services, TimeSpan.FromMinutes(2));
        }

        var sent = await SentOnXAsync(control);
        var expected = trials.SelectMany(t => new[] { t.Dm, t.Mention }).ToList();
        var missing = expected.Count(text => !sent.ContainsKey(text));
        var twice = expected.Count(text => sent.GetValueOrDefault(text) > 1);
        Console.WriteLine($"{trials.Count} trials, {expected.Count} replies; at the kills: {beforeX} being sent and not yet on X, " +
            $"{afterX} on X but not yet answered ({dmsAfterX} of them DMs), {queued} still queued; " +
            $"on X: {expected.Count - missing} replies, {missing} missing, {twice} sent twice");
        foreach (var instance in portals)
        {
            instance.Kill();
        }

        emulatedX.Kill();
        Directory.Delete(folder, recursive: true);
        Directory.Delete(xFolder, recursive: true);
        return missing == 0 && twice == 0 && beforeX > 0 && afterX > 0 ? 0 : 1;
    }

    /// <summary>The instance that holds the outbox's lease (the one sending), named by its process id; the first when none does yet.</summary>
    private static async Task<HostProcess> OutboxHolderAsync(IServiceProvider services, List<HostProcess> portals)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync();
        var holder = await db.Set<WorkerLease>().Where(l => l.Name == Core.Outbox.OutboxWorker.LeaseName).Select(l => l.Holder).SingleOrDefaultAsync();
        var processId = WorkerLeases.ProcessIdOf(holder);
        return portals.FirstOrDefault(p => p.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) == processId) ?? portals[0];
    }

    /// <summary>What an agent's Send does (ReplyService): the replies are queued; the portal's outbox finds them.</summary>
    private static async Task QueueAsync(IServiceProvider services, (string Dm, string Mention) texts, string mention)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync();
        var conversations = await db.Conversations.OrderBy(c => c.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var (conversation, text, inReplyTo) in new[] { (conversations[0], texts.Dm, (string?)null), (conversations[1], texts.Mention, mention) })
        {
            var reply = Message.Reply(text, "Load Agent", inReplyTo, now);
            conversation.AddReply(reply);
            db.Messages.Add(reply);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The replies not sent yet: queued, or being sent (the outcome of the attempt unknown).</summary>
    private static async Task<List<(string Text, MessageStatus Status)>> WaitingAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync();
        return (await db.Messages.Where(m => m.Status == MessageStatus.Sending || m.Status == MessageStatus.Queued)
            .Select(m => new { m.Text, m.Status }).ToListAsync()).Select(m => (m.Text, m.Status)).ToList();
    }

    private static async Task WaitSentAsync(IServiceProvider services, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while ((await WaitingAsync(services)).Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Replies were still waiting to be sent two minutes after the restart.");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<HashSet<string>> OnXAsync(HttpClient control) => [.. (await SentOnXAsync(control)).Keys];

    /// <summary>How many times each text is on X, as DMs to customers and as posts of the account.</summary>
    private static async Task<Dictionary<string, int>> SentOnXAsync(HttpClient control)
    {
        var sent = (await control.GetFromJsonAsync<JsonObject>("sent"))!;
        var texts = sent["direct_messages"]!.AsArray().Select(d => d!["message_create"]!["message_data"]!["text"]!.GetValue<string>())
            .Concat(sent["tweets"]!.AsArray().Select(t => (t!["full_text"] ?? t["text"])!.GetValue<string>()));
        // A post reads "@jane_doe <reply>": X adds the handle of the post it answers.
        return texts.Select(t => t.StartsWith('@') ? t[(t.IndexOf(' ', StringComparison.Ordinal) + 1)..] : t)
            .GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }
}
