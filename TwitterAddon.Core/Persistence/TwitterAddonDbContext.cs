using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Team;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// The add-on's one database: Identity's tables plus the product's own. Each feature configures its tables
/// (an <see cref="IEntityTypeConfiguration{TEntity}"/> beside its entities) and names them with extension
/// properties (<c>db.Messages</c>), so this context knows no feature and every feature may depend on it.
/// </summary>
public sealed class TwitterAddonDbContext(DbContextOptions<TwitterAddonDbContext> options)
    : IdentityDbContext<TeamMember, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring on PostgreSQL, shared by every instance (on SQLite the keys are files: <see cref="DataProtectionKeyFolder"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>How many writes of this context hold the <see cref="DatabaseWriteGate"/> (see <see cref="WriteGateInterceptor"/>).</summary>
    internal WriteGateHold WriteHold { get; } = new();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TwitterAddonDbContext).Assembly);
    }

    /// <summary>
    /// One encoding for every table: times as Unix milliseconds (SQL can sort and compare them, and raw SQL
    /// needs no date format) and enums by name (readable, and safe when a value is added in the middle).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    public override void Dispose()
    {
        WriteHold.ReleaseAll();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        WriteHold.ReleaseAll();
        return base.DisposeAsync();
    }
}
