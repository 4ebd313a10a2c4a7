using Microsoft.Extensions.Configuration;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Persistence;

/// <summary>Database:Provider and its connection string: what an operator sets, and what a mistake says.</summary>
public sealed class DatabaseProviderSettingTests
{
    private const string ContentRoot = "/srv/twitteraddon";

    [Fact]
    public void NothingSet_IsTheSqliteFileUnderData()
    {
        var location = DatabaseLocation.From(Settings([]), ContentRoot);

        Assert.Equal(DatabaseProvider.Sqlite, location.Provider);
        Assert.Equal("/srv/twitteraddon/data/twitteraddon.db", location.FilePath);
        Assert.Equal("/srv/twitteraddon/data", location.DataFolder);
    }

    [Theory]
    [InlineData("PostgreSQL")]
    [InlineData("postgres")]
    public void PostgreSql_TakesItsConnectionString_AndKeepsFilesUnderData(string provider)
    {
        var location = DatabaseLocation.From(
            Settings(new() { ["Database:Provider"] = provider, ["ConnectionStrings:TwitterAddon"] = "Host=db.internal;Database=support;Username=addon" }),
            ContentRoot);

        Assert.Equal(DatabaseProvider.PostgreSql, location.Provider);
        Assert.Null(location.FilePath);
        Assert.Equal("/srv/twitteraddon/data", location.DataFolder);
        Assert.Equal("database 'support' on PostgreSQL server db.internal:5432", location.Description);
    }

    [Theory]
    [InlineData("Oracle", null, "Database:Provider is 'Oracle': set it to SQLite (the default, one file) or PostgreSQL.")]
    [InlineData("PostgreSQL", null, "Database:Provider is PostgreSQL but ConnectionStrings:TwitterAddon is empty")]
    [InlineData("PostgreSQL", "Host=db.internal", "ConnectionStrings:TwitterAddon needs a Host and a Database for PostgreSQL.")]
    [InlineData("PostgreSQL", "Hots=db.internal;Database=x", "ConnectionStrings:TwitterAddon is not a PostgreSQL connection string")]
    public void AMistake_SaysWhatToSet(string provider, string? connectionString, string message)
    {
        var error = Assert.Throws<DatabaseStartupException>(() => DatabaseLocation.From(
            Settings(new() { ["Database:Provider"] = provider, ["ConnectionStrings:TwitterAddon"] = connectionString }), ContentRoot));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatDoesNotAnswer_FailsAtStart_NamingTheServerAndDatabase()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        await using var host = CoreHost.Unstarted(
            "Host=127.0.0.1;Port=1;Database=support;Username=addon;Timeout=2", DatabaseProvider.PostgreSql);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(host.InitializeDatabaseAsync);

        Assert.Contains("Cannot open the database 'support' on PostgreSQL server 127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check that the server is running", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
