using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwitterAddon.Core.Channels;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.ToTable("Channels");
        // One channel of each kind per account, and names unique per account: the database decides races.
        builder.HasIndex(c => new { c.AccountUserId, c.Kind }).IsUnique();
        builder.HasIndex(c => new { c.AccountUserId, c.Name }).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Channel.NameMaxLength);
        builder.Property(c => c.IconContentType).HasMaxLength(32);
    }
}
