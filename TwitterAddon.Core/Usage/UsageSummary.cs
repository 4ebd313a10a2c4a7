namespace TwitterAddon.Core.Usage;

/// <summary>Counts and estimated cost of one kind (or all) over a period.</summary>
public readonly record struct UsageAmount(long Count, long CostMicros)
{
    public static UsageAmount operator +(UsageAmount a, UsageAmount b) => new(a.Count + b.Count, a.CostMicros + b.CostMicros);
}

/// <summary>One kind's row of the Usage page.</summary>
public sealed record UsageLine(UsageKind Kind, long PriceMicros, UsageAmount Today, UsageAmount ThisMonth, UsageAmount Last30Days);

/// <summary>One UTC day of the chart, by kind.</summary>
public sealed record UsageDay(DateOnly Day, IReadOnlyDictionary<UsageKind, UsageAmount> ByKind)
{
    public UsageAmount Total => ByKind.Values.Aggregate(default(UsageAmount), (sum, a) => sum + a);
}

/// <summary>What the Usage page shows: today, this month and the last 30 days by kind, day by day, with the settings used.</summary>
/// <param name="ShowsCosts">The connected account pays per use; on the v1.1 tiers (and Enterprise's contract prices) only counts.</param>
public sealed record UsageSummary(
    bool ShowsCosts, DateOnly Today, IReadOnlyList<UsageLine> Lines, IReadOnlyList<UsageDay> Days, UsageSettings Settings, BudgetStatus Budget)
{
    public UsageAmount TodayTotal => Lines.Aggregate(default(UsageAmount), (sum, l) => sum + l.Today);

    public UsageAmount ThisMonthTotal => Lines.Aggregate(default(UsageAmount), (sum, l) => sum + l.ThisMonth);

    public UsageAmount Last30DaysTotal => Lines.Aggregate(default(UsageAmount), (sum, l) => sum + l.Last30Days);
}
