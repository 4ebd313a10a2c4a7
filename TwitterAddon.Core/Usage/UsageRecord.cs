namespace TwitterAddon.Core.Usage;

/// <summary>
/// One thing X bills, counted once: a resource (a DM event id, a post id) of one kind on one UTC day, as X charges "once
/// per resource per UTC day". The day is the resource's own (when X says it was created), so a duplicate delivery or a
/// replay of it lands on the same record whenever it comes.
/// </summary>
public sealed class UsageRecord
{
    public const int ResourceIdMaxLength = 64;

    private UsageRecord()
    {
    }

    public long Id { get; private set; }

    public UsageKind Kind { get; private set; }

    public string ResourceId { get; private set; } = "";

    /// <summary>The UTC day X bills it on.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>The estimated cost at the prices in force when it was counted; 0 on tiers not billed per use.</summary>
    public long CostMicros { get; private set; }

    public static UsageRecord Of(UsageKind kind, string resourceId, DateTimeOffset at, long costMicros) =>
        new() { Kind = kind, ResourceId = resourceId, Day = DayOf(at), CostMicros = costMicros };

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
