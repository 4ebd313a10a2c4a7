using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Per-connection SQLite settings, applied each time a (pooled) connection opens. The page cache: SQLite's default
/// is 2 MB, which a busy inbox (a million messages, a 1 GB file with its search index) outgrows at once; every
/// lookup then goes back to the operating system. 16 MB per connection keeps the hot pages of the indexes in reach.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Settings = "PRAGMA cache_size = -16384;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Settings;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Settings;
        command.ExecuteNonQuery();
    }
}
