using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the provider-neutral tests also run on: <c>TWITTERADDON_TEST_POSTGRESQL</c>, by default the
/// one <c>.ci/run</c> starts (127.0.0.1:5432, user twitteraddon, who may create databases). The migrations are applied
/// once per test run to a template database; each test gets a copy (CREATE DATABASE … TEMPLATE, a file copy, fast)
/// and drops it at the end. Without a server the test is skipped with the reason, unless E2E_REQUIRED=1 (CI): then it fails.
/// </summary>
public static class PostgreSqlTestServer
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=twitteraddon;Password=twitteraddon;Database=postgres";
    private const string NamePrefix = "twitteraddon_test_";
    private static readonly Lazy<string?> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? unavailable;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TWITTERADDON_TEST_POSTGRESQL") is { Length: > 0 } configured ? configured : DefaultServer;

    /// <summary>A new database copied from the migrated template: its name and connection string.</summary>
    public static (string Name, string ConnectionString) CreateDatabase()
    {
        var template = Template.Value ?? SkipOrFail();
        var name = $"{NamePrefix}{Environment.ProcessId}_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return (name, On(name));
    }

    public static void DropDatabase(string name, string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE: a background worker of the test's host may still hold a connection. A failure here is no failure of
        // the test: the next run drops what is left (its process is gone).
        try
        {
            Drop(name);
        }
        catch (PostgresException)
        {
        }
    }

    /// <summary>A connection string for a database of the test server.</summary>
    public static string On(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    private static string? CreateTemplate()
    {
        try
        {
            DropLeftovers();
            var name = $"{NamePrefix}{Environment.ProcessId}_template";
            Drop(name);
            Execute($"CREATE DATABASE \"{name}\"");
            using (var db = new TwitterAddonDbContext(DatabaseContextOptions.PostgreSql(On(name))))
            {
                db.Database.Migrate();
            }

            // A template must have no open connection while it is copied.
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Drop(name);
                }
                catch (NpgsqlException)
                {
                    // The next run drops it (its process is gone).
                }
            };
            return name;
        }
        catch (NpgsqlException e)
        {
            unavailable = $"No PostgreSQL server at {new NpgsqlConnectionStringBuilder(ServerConnectionString).Host} ({e.Message}).";
            return null;
        }
    }

    /// <summary>Databases of test runs that ended without dropping them (a killed run): their process is gone.</summary>
    private static void DropLeftovers()
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        // starts_with, not LIKE: the prefix's underscores would be wildcards.
        using var command = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE starts_with(datname, '{NamePrefix}')", connection);
        var names = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names.Where(n => !IsRunning(n[NamePrefix.Length..].Split('_')[0])))
        {
            Drop(name);
        }
    }

    // FORCE: connections a test's host left in its pool do not keep the database from going.
    private static void Drop(string name) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    /// <summary>
    /// Whether the test run that named a database is still running on this machine. A name this class did not make is
    /// left alone (counted as running).
    /// </summary>
    private static bool IsRunning(string processId)
    {
        if (!int.TryParse(processId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string SkipOrFail()
    {
        if (Environment.GetEnvironmentVariable("E2E_REQUIRED") == "1")
        {
            Assert.Fail(unavailable + " E2E_REQUIRED=1, so the PostgreSQL tests must run (.ci/run starts a server).");
        }

        Assert.Skip(unavailable + " PostgreSQL tests skipped; set TWITTERADDON_TEST_POSTGRESQL or E2E_REQUIRED=1 to make this a failure.");
        return null!;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
