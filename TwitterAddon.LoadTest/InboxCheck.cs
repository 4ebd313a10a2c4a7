using Microsoft.Data.Sqlite;

namespace TwitterAddon.LoadTest;

/// <summary>Reads the host's database directly: what is pending, and which DM ids reached the inbox.</summary>
internal static class InboxCheck
{
    public static async Task<long> PendingAsync(string databaseFile) =>
        await ScalarAsync(databaseFile, "SELECT COUNT(*) FROM InboundEvents WHERE Status = 0");

    public static async Task<long> MessagesAsync(string databaseFile) =>
        await ScalarAsync(databaseFile, "SELECT COUNT(*) FROM Messages");

    /// <summary>Waits for the worker to drain; returns the seconds it took.</summary>
    public static async Task<double> WaitDrainedAsync(string databaseFile, TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (await PendingAsync(databaseFile) > 0 && started.Elapsed < timeout)
        {
            await Task.Delay(200);
        }

        return started.Elapsed.TotalSeconds;
    }

    /// <summary>How many times each X id appears among the messages.</summary>
    public static async Task<Dictionary<string, int>> MessageIdCountsAsync(string databaseFile)
    {
        await using var connection = await OpenAsync(databaseFile);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT XId, COUNT(*) FROM Messages WHERE XId IS NOT NULL GROUP BY XId";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private static async Task<long> ScalarAsync(string databaseFile, string sql)
    {
        await using var connection = await OpenAsync(databaseFile);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<SqliteConnection> OpenAsync(string databaseFile)
    {
        var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Default Timeout=15");
        await connection.OpenAsync();
        return connection;
    }
}
