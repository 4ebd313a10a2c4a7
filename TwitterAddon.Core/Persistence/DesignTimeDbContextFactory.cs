using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TwitterAddon.Core.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TwitterAddonDbContext>
{
    public TwitterAddonDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TwitterAddonDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
