using Microsoft.Data.Sqlite;
using Npgsql;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test, removed when it ends: a SQLite file (the default), or a PostgreSQL database made from
/// the migrated template (<see cref="PostgreSqlTestServer"/>). Either way it has its own folder, for the files a host
/// keeps beside the data (the Data Protection keys, the emulator's world).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? postgreSqlName;

    public TestDatabase()
        : this(DatabaseProvider.Sqlite)
    {
    }

    private TestDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        Folder = Path.Combine(Path.GetTempPath(), "twitteraddon-tests", Guid.NewGuid().ToString("N"));
        // The database first: a test skipped for want of a server leaves no folder behind.
        (postgreSqlName, ConnectionString) = provider == DatabaseProvider.PostgreSql
            ? PostgreSqlTestServer.CreateDatabase()
            : (null, $"Data Source={FilePath}");
        Directory.CreateDirectory(Folder);
    }

    public DatabaseProvider Provider { get; }

    public string Folder { get; }

    /// <summary>The SQLite file (on PostgreSQL, a path that is never written).</summary>
    public string FilePath => Path.Combine(Folder, "twitteraddon.db");

    public string ConnectionString { get; }

    /// <summary>The host settings that point at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseLocation.ConnectionStringName}"] = ConnectionString,
                [DatabaseLocation.ProviderSetting] = Provider.ToString(),
            };
            if (Provider == DatabaseProvider.PostgreSql)
            {
                // Beside the test's data, as on SQLite; the default (data/ under the content root) would be shared by every test.
                settings["Emulator:WorldFile"] = Path.Combine(Folder, "emulator-world.json");
            }

            return settings;
        }
    }

    /// <summary>A fresh database on this provider; on PostgreSQL the test is skipped when no server runs (fails under E2E_REQUIRED=1).</summary>
    public static TestDatabase For(DatabaseProvider provider) => new(provider);

    public void Dispose()
    {
        if (postgreSqlName is { } name)
        {
            PostgreSqlTestServer.DropDatabase(name, ConnectionString);
        }
        else
        {
            // Pooled connections keep the file open; release them before deleting it.
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A background task may still hold a handle; the OS temp folder is cleaned eventually.
        }
    }
}
