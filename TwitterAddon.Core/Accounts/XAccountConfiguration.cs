using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwitterAddon.Core.Accounts;

internal sealed class XAccountConfiguration : IEntityTypeConfiguration<XAccount>
{
    public void Configure(EntityTypeBuilder<XAccount> builder)
    {
        builder.ToTable("XAccounts");
        builder.HasIndex(a => a.WebhookKey).IsUnique();
        // One brand account per install for now; the unique X user id keeps a second connect from duplicating it.
        builder.HasIndex(a => a.UserId).IsUnique();
        builder.Property(a => a.EnvLabel).HasMaxLength(64);
        builder.Property(a => a.ScreenName).HasMaxLength(32);
        builder.Property(a => a.Name).HasMaxLength(128);
    }
}
