using System.Diagnostics;
using System.Net.Sockets;
using TwitterAddon.Core.Accounts;

namespace TwitterAddon.LoadTest;

/// <summary>
/// The real portal (TwitterAddon.Web.dll) as a child process, Production settings, on its own database; with
/// <paramref name="settings"/> added (another X, say), or as the emulated X itself (<see cref="EmulatedX"/>).
/// </summary>
internal sealed class HostProcess(string webDll, LoadDatabase database, int port, IReadOnlyList<string>? settings = null, string environment = "Production")
    : IDisposable
{
    private Process? process;

    public string BaseUrl { get; } = $"http://127.0.0.1:{port}";

    /// <summary>The running host's process id (the leases name their holder by it); null while it is down.</summary>
    public int? ProcessId => process?.Id;

    /// <summary>The resident memory of the running host, in MB (Linux: VmRSS of /proc/{pid}/status).</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{process!.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>The CPU time the host has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime()
    {
        process!.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>A fresh folder with a seeded database, and <c>--instances</c> portals started on it.</summary>
    public static async Task<(IReadOnlyList<HostProcess> Hosts, string Folder, LoadDatabase Database, string WebhookKey)> StartSeededAsync(
        RunOptions options, string name)
    {
        var folder = Directory.CreateTempSubdirectory($"twitteraddon-{name}-").FullName;
        var database = LoadDatabase.For(options, folder, name);
        var hosts = Enumerable.Range(0, options.Instances).Select(_ => new HostProcess(options.WebDll, database, FreePort())).ToList();
        var key = await Seeder.SeedAsync(database, hosts[0].BaseUrl, options.Tier);
        foreach (var host in hosts)
        {
            await host.StartAsync();
        }

        return (hosts, folder, database, key);
    }

    /// <summary>A second host that only plays X (the emulator on, Development), so it outlives the portal's kills.</summary>
    public static async Task<(HostProcess Host, string Folder)> EmulatedXAsync(string webDll)
    {
        var folder = Directory.CreateTempSubdirectory("twitteraddon-x-").FullName;
        var host = new HostProcess(webDll, LoadDatabase.Sqlite(Path.Combine(folder, "x.db")), FreePort(), ["--Emulator:Enabled=true"], "Development");
        await host.StartAsync();
        return (host, folder);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        if (!File.Exists(webDll))
        {
            throw new FileNotFoundException($"Build the portal first: dotnet build -c Release TwitterAddon.Web ({webDll})");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            webDll, "--urls", BaseUrl, "--environment", environment,
            $"--App:PublicBaseUrl={BaseUrl}", "--Logging:LogLevel:Default=Warning",
        }.Concat(database.Settings.Select(s => $"--{s.Key}={s.Value}")).Concat(settings ?? []))
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        // Drained so a chatty host never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[host] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitHealthyAsync();
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what a power cut does to the process (not to the disk).</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
        process?.Dispose();
        process = null;
    }

    public void Dispose() => Kill();

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} while starting.");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become healthy within 60 s.");
    }
}
