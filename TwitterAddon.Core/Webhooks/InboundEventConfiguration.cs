using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwitterAddon.Core.Webhooks;

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> builder)
    {
        builder.ToTable("InboundEvents");
        builder.HasIndex(e => e.ReceivedAt);
        // "Last event received" of a webhook.
        builder.HasIndex(e => new { e.WebhookKey, e.Id });
        // The worker's queue: pending events in arrival order.
        builder.HasIndex(e => new { e.Status, e.Id });
        builder.Property(e => e.Outcome).HasMaxLength(InboundEvent.OutcomeMaxLength);
    }
}
