using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Persistence;

/// <summary>Each provider's migration set is in step with the model: a model change without its two migrations fails here.</summary>
public sealed class MigrationSetsTests
{
    [Fact]
    public void TheSqliteMigrations_CoverTheModel()
    {
        using var db = new TwitterAddonDbContext(DatabaseContextOptions.Sqlite("Data Source=:memory:"));

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project TwitterAddon.Core …");
    }

    [Fact]
    public void ThePostgreSqlMigrations_CoverTheModel()
    {
        // Comparing the model with the migrations' snapshot needs no server.
        using var db = new TwitterAddonDbContext(DatabaseContextOptions.PostgreSql("Host=localhost;Database=unused"));

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project TwitterAddon.PostgreSqlMigrations …");
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_InboxSearch", StringComparison.Ordinal));
    }
}
