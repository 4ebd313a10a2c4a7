using System.Globalization;
using TwitterAddon.Core.Accounts;

namespace TwitterAddon.LoadTest;

/// <param name="Tier">The seeded account's tier: Sandbox sends v1.1 Account Activity payloads, Pay-per-use X Activity API envelopes.</param>
internal sealed record RunOptions(string Command, string WebDll, int Seconds, int Concurrency, int Events, int Kills, AccountTier Tier)
{
    /// <summary>Where the inbox scale run keeps its seeded database.</summary>
    public string Folder { get; init; } = "";

    public int Messages { get; init; } = 1_000_000;

    public int Tabs { get; init; } = 30;

    /// <summary>How many DMs the scale run times in the open tabs.</summary>
    public int Live { get; init; } = 20;

    /// <summary>The scale run's Chromium trace of the live DMs (<c>--trace FILE</c>), for DevTools' Performance panel.</summary>
    public string? TraceFile { get; init; }

    /// <summary>Run the portal on PostgreSQL (<c>--database postgresql</c>) instead of a SQLite file.</summary>
    public bool PostgreSql { get; init; }

    /// <summary>The PostgreSQL server whose user may create databases (each run makes its own and drops it).</summary>
    public string PostgreSqlServer { get; init; } = "";

    /// <summary>How many portal instances share the database (PostgreSQL only), with the load spread over them.</summary>
    public int Instances { get; init; } = 1;

    public static RunOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var defaultWeb = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TwitterAddon.Web", "bin", "Release", "net10.0", "TwitterAddon.Web.dll");
        return new RunOptions(
            args.FirstOrDefault() ?? "", Path.GetFullPath(Value("--web", defaultWeb)),
            Number("--seconds", 30), Number("--concurrency", 32), Number("--events", 3000), Number("--kills", 5),
            Value("--api", "v1.1") switch
            {
                "v1.1" => AccountTier.Sandbox,
                "v2" => AccountTier.PayPerUse,
                var other => throw new ArgumentException($"--api is v1.1 or v2, not {other}"),
            })
        {
            Folder = Path.GetFullPath(Value("--folder", Path.Combine(Path.GetTempPath(), "twitteraddon-inbox-scale"))),
            Messages = Number("--messages", 1_000_000),
            Tabs = Number("--tabs", 30),
            Live = Number("--live", 20),
            PostgreSql = Value("--database", "sqlite") == "postgresql",
            PostgreSqlServer = Value("--postgres", "Host=127.0.0.1;Port=5432;Username=twitteraddon;Password=twitteraddon;Database=postgres"),
            Instances = Number("--instances", 1),
            TraceFile = Value("--trace", "") is { Length: > 0 } trace ? Path.GetFullPath(trace) : null,
        };
    }
}
