namespace TwitterAddon.Core.Usage;

/// <summary>X bills by UTC day and the budget is monthly: these are the UTC calendar's days and months.</summary>
public static class UsageMonth
{
    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly Today(TimeProvider clock) => UsageRecord.DayOf(clock.GetUtcNow());
}
