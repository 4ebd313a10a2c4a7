using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwitterAddon.Core.Usage;

internal sealed class UsageRecordConfiguration : IEntityTypeConfiguration<UsageRecord>
{
    public void Configure(EntityTypeBuilder<UsageRecord> builder)
    {
        builder.ToTable("UsageRecords");
        builder.Property(r => r.ResourceId).HasMaxLength(UsageRecord.ResourceIdMaxLength);
        // X's dedupe rule as a constraint; the resource id first, for the ledger's look-up of what a batch met before.
        builder.HasIndex(r => new { r.ResourceId, r.Kind, r.Day }).IsUnique();
        // Covers the sums by day and kind (this month, the last 30 days, the chart) without reading the rows.
        builder.HasIndex(r => new { r.Day, r.Kind, r.CostMicros });
    }
}

internal sealed class UsageSettingsConfiguration : IEntityTypeConfiguration<UsageSettings>
{
    public void Configure(EntityTypeBuilder<UsageSettings> builder)
    {
        builder.ToTable("UsageSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.ComplexProperty(s => s.Prices);
        builder.Property(s => s.PricesChangedBy).HasMaxLength(256);
    }
}
