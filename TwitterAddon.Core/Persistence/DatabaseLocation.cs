using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Where the SQLite file lives: <c>ConnectionStrings:TwitterAddon</c>, or <c>data/twitteraddon.db</c>.
/// A relative path is taken from the content root, so <c>dotnet run</c> and a published app agree.
/// </summary>
public sealed class DatabaseLocation
{
    public const string ConnectionStringName = "TwitterAddon";
    public const string DefaultFile = "data/twitteraddon.db";

    private DatabaseLocation(string filePath, string connectionString)
    {
        FilePath = filePath;
        ConnectionString = connectionString;
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public static DatabaseLocation From(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultFile}" : configured);
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

        return new DatabaseLocation(builder.DataSource, builder.ToString());
    }
}
