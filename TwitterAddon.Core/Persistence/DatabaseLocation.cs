using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Where the data lives: <c>Database:Provider</c> (<c>SQLite</c>, the default, or <c>PostgreSQL</c>) and
/// <c>ConnectionStrings:TwitterAddon</c>. For SQLite the connection string names a file, by default
/// <c>data/twitteraddon.db</c>; a relative path is taken from the content root, so <c>dotnet run</c> and a published
/// app agree. Files kept beside the data (the Data Protection keys, the emulator's world) go in <see cref="DataFolder"/>.
/// </summary>
public sealed class DatabaseLocation
{
    public const string ConnectionStringName = "TwitterAddon";
    public const string ProviderSetting = "Database:Provider";
    public const string DefaultFile = "data/twitteraddon.db";

    private DatabaseLocation(DatabaseProvider provider, string connectionString, string? filePath, string dataFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        FilePath = filePath;
        DataFolder = dataFolder;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>The folder for files kept with the data: the SQLite file's own, or <c>data/</c> under the content root.</summary>
    public string DataFolder { get; }

    /// <summary>
    /// The folder of the Data Protection key files: <c>DataProtection:KeysFolder</c> (relative to the content root),
    /// else <c>keys</c> in <see cref="DataFolder"/>; null when none is set on PostgreSQL, whose key ring is in the database.
    /// </summary>
    public string? KeysFolder(IConfiguration configuration, string contentRoot) =>
        configuration["DataProtection:KeysFolder"] is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(configured, contentRoot)
            : Provider == DatabaseProvider.PostgreSql ? null : Path.Combine(DataFolder, "keys");

    /// <summary>Where an error message should send the reader: the file, or the PostgreSQL server and database.</summary>
    public string Description => FilePath ?? DescribePostgreSql(ConnectionString);

    public static DatabaseLocation From(IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration[ProviderSetting]);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        return provider == DatabaseProvider.Sqlite ? Sqlite(configured, contentRoot) : PostgreSql(configured, contentRoot);
    }

    private static DatabaseProvider ProviderFrom(string? configured) => configured?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new DatabaseStartupException(
            $"{ProviderSetting} is '{configured}': set it to SQLite (the default, one file) or PostgreSQL."),
    };

    private static DatabaseLocation Sqlite(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultFile}" : configured);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new DatabaseStartupException(
                $"ConnectionStrings:{ConnectionStringName} has no 'Data Source': set it to the path of the SQLite file.");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        // Writers wait for each other instead of failing at once with SQLITE_BUSY.
        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = 15;
        }

        return new DatabaseLocation(DatabaseProvider.Sqlite, builder.ToString(), builder.DataSource, Path.GetDirectoryName(builder.DataSource)!);
    }

    private static DatabaseLocation PostgreSql(string? configured, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new DatabaseStartupException(
                $"{ProviderSetting} is PostgreSQL but ConnectionStrings:{ConnectionStringName} is empty: set it, for example " +
                "\"Host=db.internal;Database=twitteraddon;Username=twitteraddon;Password=…\".");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseStartupException($"ConnectionStrings:{ConnectionStringName} is not a PostgreSQL connection string: {e.Message}", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new DatabaseStartupException(
                $"ConnectionStrings:{ConnectionStringName} needs a Host and a Database for PostgreSQL.");
        }

        return new DatabaseLocation(DatabaseProvider.PostgreSql, builder.ConnectionString, null, Path.GetFullPath("data", contentRoot));
    }

    /// <summary>A PostgreSQL database as messages name it (no password): "database 'x' on PostgreSQL server host:port".</summary>
    public static string DescribePostgreSql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"database '{builder.Database}' on PostgreSQL server {builder.Host}:{builder.Port}";
    }
}
