namespace TwitterAddon.Core.Usage;

/// <summary>The Usage page's settings as an admin types them: dollars, an optional budget, days to keep.</summary>
public sealed class UsageSettingsForm
{
    public decimal? DirectMessageReceived { get; set; }

    public decimal? PostEvent { get; set; }

    public decimal? DirectMessageSent { get; set; }

    public decimal? SummonedReply { get; set; }

    public decimal? PostWithUrl { get; set; }

    public bool LinkedRepliesPayUrlPrice { get; set; }

    /// <summary>Empty for no budget.</summary>
    public decimal? MonthlyBudget { get; set; }

    public int? RetentionDays { get; set; }

    public static UsageSettingsForm From(UsageSettings settings) => new()
    {
        DirectMessageReceived = Usd.ToDollars(settings.Prices.DirectMessageReceived),
        PostEvent = Usd.ToDollars(settings.Prices.PostEvent),
        DirectMessageSent = Usd.ToDollars(settings.Prices.DirectMessageSent),
        SummonedReply = Usd.ToDollars(settings.Prices.SummonedReply),
        PostWithUrl = Usd.ToDollars(settings.Prices.PostWithUrl),
        LinkedRepliesPayUrlPrice = settings.LinkedRepliesPayUrlPrice,
        MonthlyBudget = settings.MonthlyBudgetMicros is { } budget ? Usd.ToDollars(budget) : null,
        RetentionDays = settings.RetentionDays,
    };

    /// <summary>The prices typed, once the validator accepted them.</summary>
    public PriceTable Prices => new()
    {
        DirectMessageReceived = Usd.ToMicros(DirectMessageReceived!.Value),
        PostEvent = Usd.ToMicros(PostEvent!.Value),
        DirectMessageSent = Usd.ToMicros(DirectMessageSent!.Value),
        SummonedReply = Usd.ToMicros(SummonedReply!.Value),
        PostWithUrl = Usd.ToMicros(PostWithUrl!.Value),
    };
}
