using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwitterAddon.Core.Team;

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.Property(m => m.DisplayName).HasMaxLength(TeamMember.DisplayNameMaxLength).IsRequired();
        // Identity only indexes the e-mail; the database, not a read-then-write check, keeps it unique.
        builder.HasIndex(m => m.NormalizedEmail).IsUnique();
    }
}
