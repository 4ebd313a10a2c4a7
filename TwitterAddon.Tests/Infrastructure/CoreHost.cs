using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>Core's services on a real, migrated SQLite file, without the web host.</summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly TestDatabase database = new();
    private readonly ServiceProvider provider;

    private CoreHost(Action<IServiceCollection>? configure, string? connectionString = null, Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection().AddCoreForTests(connectionString ?? database.ConnectionString, database.Folder, settings);
        configure?.Invoke(services);
        provider = services.BuildServiceProvider();
    }

    public IServiceProvider Services => provider;

    public static async Task<CoreHost> StartAsync(
        Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var host = new CoreHost(configure, settings: settings);
        await host.InitializeDatabaseAsync();
        return host;
    }

    /// <summary>Core's services on the given connection string, not yet initialized: for start-up failures.</summary>
    public static CoreHost Unstarted(string connectionString) => new(null, connectionString);

    public Task InitializeDatabaseAsync() =>
        Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

    /// <summary>A scope, as one request or one circuit would have.</summary>
    public AsyncServiceScope CreateScope() => provider.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        database.Dispose();
    }
}
