using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TwitterAddon.Core.Accounts;

namespace TwitterAddon.Core.Persistence;

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> builder)
    {
        builder.ToTable("InboundEvents");
        builder.HasIndex(e => e.ReceivedAt);
    }
}
