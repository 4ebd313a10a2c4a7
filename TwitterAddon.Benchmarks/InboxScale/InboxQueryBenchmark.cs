using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TwitterAddon.Core;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Benchmarks.InboxScale;

/// <summary>
/// The inbox list and search as <see cref="InboxService.ListAsync"/> runs them for a page, on the database
/// <c>scripts/inbox-scale.sh</c> seeded (1,000,000 messages; path in <c>INBOX_SCALE_DB</c>). Targets: a list page,
/// any filters, p95 under 100 ms; a search p95 under 50 ms.
/// </summary>
[Config(typeof(Percentiles))]
public class InboxQueryBenchmark
{
    private ServiceProvider services = default!;
    private InboxService inbox = default!;

    public static IEnumerable<string> Lists =>
    [
        "open", "all", "dm+open", "mention+resolved", "unread", "unread+mention", "open, page 2", "all, page 20",
    ];

    public static IEnumerable<string> Searches =>
    [
        "order", "tracking number", "belum sampai", "配送状況", "退款", "배송이", "🙏", "@customer_4242", "Santoso", "acme.com/track/42",
        "no such words here", "y",
    ];

    [ParamsSource(nameof(Lists))]
    public string List { get; set; } = "open";

    [GlobalSetup]
    public void Setup()
    {
        var database = Environment.GetEnvironmentVariable("INBOX_SCALE_DB")
            ?? throw new InvalidOperationException("Set INBOX_SCALE_DB to the database scripts/inbox-scale.sh seeded.");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseLocation.ConnectionStringName}"] = $"Data Source={database}",
        }).Build();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new BenchmarkHost(Path.GetDirectoryName(database)!))
            .AddLogging()
            .AddTwitterAddonCore()
            .BuildServiceProvider();
        inbox = services.GetRequiredService<InboxService>();
    }

    internal ServiceProvider Services => services;

    internal InboxService Inbox => inbox;

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public Task<ConversationPage> ListPage()
    {
        var (filter, skip) = List switch
        {
            "all" => (new ConversationFilter(Status: null), 0),
            "dm+open" => (new ConversationFilter(Kind: ChannelKind.DirectMessage), 0),
            "mention+resolved" => (new ConversationFilter(Kind: ChannelKind.Mention, Status: ConversationStatus.Resolved), 0),
            "unread" => (new ConversationFilter(UnreadOnly: true), 0),
            "unread+mention" => (new ConversationFilter(Kind: ChannelKind.Mention, UnreadOnly: true), 0),
            "open, page 2" => (new ConversationFilter(), InboxService.PageSize),
            "all, page 20" => (new ConversationFilter(Status: null), 19 * InboxService.PageSize),
            _ => (new ConversationFilter(), 0),
        };
        return inbox.ListAsync(filter, skip, CancellationToken.None);
    }

    private sealed class BenchmarkHost(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "TwitterAddon.Benchmarks";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15));
            AddColumn(StatisticColumn.P95);
        }
    }
}

/// <summary>Search over name, @handle and text (all conversations, open and resolved), on the same database.</summary>
[Config(typeof(SearchPercentiles))]
public class InboxSearchBenchmark
{
    private ServiceProvider services = default!;
    private InboxService inbox = default!;

    [ParamsSource(nameof(InboxQueryBenchmark.Searches))]
    public string Search { get; set; } = "order";

    public static IEnumerable<string> Searches => InboxQueryBenchmark.Searches;

    [GlobalSetup]
    public void Setup()
    {
        var list = new InboxQueryBenchmark();
        list.Setup();
        (services, inbox) = (list.Services, list.Inbox);
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public Task<ConversationPage> SearchPage() => inbox.ListAsync(new ConversationFilter(Status: null, Search: Search), 0, CancellationToken.None);

    private sealed class SearchPercentiles : ManualConfig
    {
        public SearchPercentiles()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15));
            AddColumn(StatisticColumn.P95);
        }
    }
}
