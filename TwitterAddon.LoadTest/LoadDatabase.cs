using Microsoft.EntityFrameworkCore;
using Npgsql;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.LoadTest;

/// <summary>
/// Where a run's portal keeps its data: a SQLite file in the run's folder (its keys beside it), or a fresh PostgreSQL
/// database on <c>--postgres</c>'s server (its keys in the database, shared by every instance), dropped at the end.
/// </summary>
internal sealed class LoadDatabase : IDisposable
{
    private readonly string? postgreSqlServer;
    private readonly string? postgreSqlName;

    private LoadDatabase(DatabaseProvider provider, string connectionString, string? server = null, string? name = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        (postgreSqlServer, postgreSqlName) = (server, name);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string Description => Provider == DatabaseProvider.PostgreSql ? DatabaseLocation.DescribePostgreSql(ConnectionString) : ConnectionString;

    /// <summary>The settings that point a host (or Core in this process) at it.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DatabaseLocation.ProviderSetting] = Provider.ToString(),
        [$"ConnectionStrings:{DatabaseLocation.ConnectionStringName}"] = ConnectionString,
    };

    /// <summary>Options to read it directly, through Core's own model.</summary>
    public DbContextOptions<TwitterAddonDbContext> ReadOptions => Provider == DatabaseProvider.PostgreSql
        ? new DbContextOptionsBuilder<TwitterAddonDbContext>().UseNpgsql(ConnectionString).Options
        : new DbContextOptionsBuilder<TwitterAddonDbContext>().UseSqlite($"{ConnectionString};Mode=ReadOnly;Default Timeout=15").Options;

    public static LoadDatabase Sqlite(string file) => new(DatabaseProvider.Sqlite, $"Data Source={file}");

    /// <summary>A new, empty database on the server (the portal migrates it at start).</summary>
    public static LoadDatabase PostgreSql(string server, string run)
    {
        var name = $"twitteraddon_{run}_{Guid.NewGuid():N}"[..40];
        Execute(server, $"CREATE DATABASE \"{name}\"");
        return new(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, server, name);
    }

    public static LoadDatabase For(RunOptions options, string folder, string run) => options.PostgreSql
        ? PostgreSql(options.PostgreSqlServer, run)
        : Sqlite(Path.Combine(folder, "twitteraddon.db"));

    public void Dispose()
    {
        if (postgreSqlServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(postgreSqlServer, $"DROP DATABASE IF EXISTS \"{postgreSqlName}\" WITH (FORCE)");
        }
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
