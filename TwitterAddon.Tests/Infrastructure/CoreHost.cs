using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>Core's services on a real, migrated SQLite file, without the web host.</summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly TestDatabase database = new();
    private readonly ServiceProvider provider;

    private CoreHost(Action<IServiceCollection>? configure)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseLocation.ConnectionStringName}"] = database.ConnectionString,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(database.Folder));
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddTwitterAddonCore();
        configure?.Invoke(services);
        provider = services.BuildServiceProvider();
    }

    public IServiceProvider Services => provider;

    public string DatabaseFile => database.FilePath;

    public static async Task<CoreHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var host = new CoreHost(configure);
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return host;
    }

    /// <summary>A scope, as one request or one circuit would have.</summary>
    public AsyncServiceScope CreateScope() => provider.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        database.Dispose();
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "TwitterAddon.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
