using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwitterAddon.Core.Webhooks;

internal sealed class CrcCheckConfiguration : IEntityTypeConfiguration<CrcCheck>
{
    public void Configure(EntityTypeBuilder<CrcCheck> builder)
    {
        builder.ToTable("CrcChecks");
        builder.HasKey(c => c.WebhookKey);
    }
}
