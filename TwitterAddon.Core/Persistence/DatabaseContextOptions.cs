using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Persistence;

/// <summary>How every context reaches the configured database (<see cref="DatabaseLocation"/>).</summary>
internal static class DatabaseContextOptions
{
    /// <summary>
    /// The PostgreSQL migrations live in their own assembly (EF's way to keep one migration set per provider for one
    /// context); the web host references it, so it sits beside Core wherever the app runs.
    /// </summary>
    public const string PostgreSqlMigrationsAssembly = "TwitterAddon.PostgreSqlMigrations";

    /// <summary>A context's options on a SQLite file, outside the app (no write gate): for the data move.</summary>
    public static DbContextOptions<TwitterAddonDbContext> Sqlite(string connectionString) =>
        new DbContextOptionsBuilder<TwitterAddonDbContext>().UseSqlite(connectionString).Options;

    /// <summary>A context's options on PostgreSQL, with its migration set.</summary>
    public static DbContextOptions<TwitterAddonDbContext> PostgreSql(string connectionString)
    {
        var options = new DbContextOptionsBuilder<TwitterAddonDbContext>();
        UsePostgreSql(options, connectionString);
        return options.Options;
    }

    public static void Configure(IServiceProvider services, DbContextOptionsBuilder options)
    {
        var location = services.GetRequiredService<DatabaseLocation>();
        if (location.Provider == DatabaseProvider.PostgreSql)
        {
            // PostgreSQL takes concurrent writers itself: no write gate, and no per-connection settings to apply.
            UsePostgreSql(options, location.ConnectionString);
            return;
        }

        // Every SQLite context writes through the gate (SQLite takes one writer at a time).
        options.UseSqlite(location.ConnectionString)
            .AddInterceptors(services.GetRequiredService<WriteGateInterceptor>(), new SqliteConnectionSettings())
            // SQLite rebuilds a table to change a column type; EF runs the rebuild in a transaction of its own and
            // warns at every fresh install that the PRAGMA around it cannot be. Not something an admin can act on.
            .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)));
    }

    private static void UsePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));
}
