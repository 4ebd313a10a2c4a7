using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>Core's services on a real, migrated database (a SQLite file unless a test asks for PostgreSQL), without the web host.</summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly ServiceProvider provider;

    private CoreHost(
        Action<IServiceCollection>? configure, TestDatabase database, string? connectionString = null, Dictionary<string, string?>? settings = null)
    {
        this.database = database;
        var at = connectionString is null
            ? database.Settings
            : new Dictionary<string, string?> { [$"ConnectionStrings:{DatabaseLocation.ConnectionStringName}"] = connectionString };
        var services = new ServiceCollection().AddCoreForTests(at, database.Folder, settings);
        configure?.Invoke(services);
        provider = services.BuildServiceProvider();
    }

    public IServiceProvider Services => provider;

    public static async Task<CoreHost> StartAsync(
        Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var host = new CoreHost(configure, TestDatabase.For(provider), settings: settings);
        try
        {
            await host.InitializeDatabaseAsync();
        }
        catch
        {
            // The test never gets the host to dispose: its database would be left behind.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Core's services on the given connection string, not yet initialized: for start-up failures.</summary>
    public static CoreHost Unstarted(string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(null, new TestDatabase(), connectionString, new() { [DatabaseLocation.ProviderSetting] = provider.ToString() });

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
