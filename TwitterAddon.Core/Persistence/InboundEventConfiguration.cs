using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TwitterAddon.Core.Inbound;

namespace TwitterAddon.Core.Persistence;

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> builder)
    {
        builder.ToTable("InboundEvents");
        builder.HasIndex(e => e.ReceivedAt);
        // The worker's queue: pending events in arrival order.
        builder.HasIndex(e => new { e.Status, e.Id });
        // Stored as numbers: the ack path writes them with raw SQL (InboundEventWriter).
        builder.Property(e => e.Status).HasConversion<int>();
        builder.Property(e => e.Source).HasConversion<int>();
        builder.Property(e => e.ProcessedAt).HasConversion<UnixMillisecondsConverter>();
        builder.Property(e => e.Outcome).HasMaxLength(InboundEvent.OutcomeMaxLength);
    }
}
