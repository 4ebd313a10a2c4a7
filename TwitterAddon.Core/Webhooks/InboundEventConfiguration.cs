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
        // Concluding an event checks it is still pending: of two instances that ever process one event (a lease
        // overlap, see WorkerLeases), only the first commits its work.
        builder.Property(e => e.Status).IsConcurrencyToken();
    }
}
