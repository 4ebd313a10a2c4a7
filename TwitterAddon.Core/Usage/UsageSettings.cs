namespace TwitterAddon.Core.Usage;

/// <summary>
/// The install's one row of cost settings: the prices counted with, the optional monthly budget, and how long the
/// counts are kept. A missing row means X's published prices, no budget and the default retention.
/// </summary>
public sealed class UsageSettings
{
    public const int OnlyRowId = 1;
    public const int DefaultRetentionDays = 90;

    /// <summary>Long enough for "this month" and "the last 30 days" to be complete.</summary>
    public const int MinRetentionDays = 35;

    public const int MaxRetentionDays = 3650;

    /// <summary>At this share of the budget admins are warned.</summary>
    public const int WarningPercent = 80;

    private UsageSettings()
    {
    }

    public int Id { get; private set; } = OnlyRowId;

    public PriceTable Prices { get; private set; } = PriceTable.XPublished;

    /// <summary>See <see cref="PriceTable.PriceOf"/>: the cautious answer by default, so a budget is not overrun by surprise.</summary>
    public bool LinkedRepliesPayUrlPrice { get; private set; } = true;

    /// <summary>Null while X's published prices are used.</summary>
    public DateTimeOffset? PricesChangedAt { get; private set; }

    public string? PricesChangedBy { get; private set; }

    public long? MonthlyBudgetMicros { get; private set; }

    /// <summary>The first day of the month in which an admin chose to send on past the budget; sending pauses again next month.</summary>
    public DateOnly? ResumedOverBudgetIn { get; private set; }

    public int RetentionDays { get; private set; } = DefaultRetentionDays;

    public static UsageSettings Defaults() => new();

    public bool UsesXPublishedPrices => PricesChangedAt is null;

    public long PriceOf(UsageKind kind) => Prices.PriceOf(kind, LinkedRepliesPayUrlPrice);

    /// <summary>Prices apply from now on: what was counted keeps the cost it was counted at.</summary>
    public void ChangePrices(PriceTable prices, bool linkedRepliesPayUrlPrice, DateTimeOffset at, string actor)
    {
        if (prices == Prices && linkedRepliesPayUrlPrice == LinkedRepliesPayUrlPrice)
        {
            return;
        }

        (Prices, LinkedRepliesPayUrlPrice) = (prices, linkedRepliesPayUrlPrice);
        (PricesChangedAt, PricesChangedBy) = prices == PriceTable.XPublished ? ((DateTimeOffset?)null, (string?)null) : (at, actor);
    }

    public void SetBudget(long? monthlyBudgetMicros) => MonthlyBudgetMicros = monthlyBudgetMicros;

    public void SetRetention(int days) => RetentionDays = days;

    /// <summary>An admin's Resume sending over the budget: for the rest of this month.</summary>
    public void ResumeOverBudget(DateOnly month) => ResumedOverBudgetIn = UsageMonth.Of(month);

    public bool ResumedOverBudgetDuring(DateOnly month) => ResumedOverBudgetIn == UsageMonth.Of(month);
}
