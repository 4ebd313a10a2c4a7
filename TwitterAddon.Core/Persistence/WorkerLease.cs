using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Which instance runs a worker that must run once across all of them (the inbound worker, the outbox), and until
/// when: the holder renews it while it lives; when it dies the lease runs out and another instance takes the work over.
/// </summary>
public sealed class WorkerLease
{
    public const int NameMaxLength = 64;
    public const int HolderMaxLength = 200;

    public required string Name { get; init; }

    public required string Holder { get; init; }

    public DateTimeOffset Until { get; init; }
}

internal sealed class WorkerLeaseConfiguration : IEntityTypeConfiguration<WorkerLease>
{
    public void Configure(EntityTypeBuilder<WorkerLease> builder)
    {
        builder.ToTable("WorkerLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(WorkerLease.NameMaxLength);
        builder.Property(l => l.Holder).HasMaxLength(WorkerLease.HolderMaxLength);
    }
}
