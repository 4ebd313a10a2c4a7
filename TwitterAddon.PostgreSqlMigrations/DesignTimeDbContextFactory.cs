using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.PostgreSqlMigrations;

/// <summary>
/// Lets <c>dotnet ef migrations add X --project TwitterAddon.PostgreSqlMigrations</c> build the model on Npgsql.
/// Adding a migration does not connect, so the connection string only has to parse.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TwitterAddonDbContext>
{
    public TwitterAddonDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TwitterAddonDbContext>()
            .UseNpgsql("Host=localhost;Database=twitteraddon_design", o => o.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
