using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwitterAddon.Core.Team;

/// <summary>The two roles exist from the first migration on, so no start-up code has to create them.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(
            new IdentityRole
            {
                Id = "role-admin", Name = TeamRoles.Admin, NormalizedName = "ADMIN",
                ConcurrencyStamp = "6f1f3c52-4a3e-4f7e-9a55-0d7e1f6c2a01",
            },
            new IdentityRole
            {
                Id = "role-agent", Name = TeamRoles.Agent, NormalizedName = "AGENT",
                ConcurrencyStamp = "0b8e2d7a-93c4-4d61-8f0e-5c2a7b9e1d02",
            });
}
