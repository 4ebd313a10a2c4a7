namespace TwitterAddon.Core.Usage;

/// <summary>This month's estimated spend against the monthly budget, and what it means for sending.</summary>
/// <param name="Applies">The account pays per use: a budget means something.</param>
/// <param name="ResumedThisMonth">An admin chose to send on past the budget this month.</param>
public sealed record BudgetStatus(bool Applies, long? BudgetMicros, long SpentMicros, bool ResumedThisMonth)
{
    public bool HasBudget => Applies && BudgetMicros is > 0;

    /// <summary>Whole percent of the budget spent, rounded down (so 79.9 % is not yet a warning).</summary>
    public int Percent => HasBudget ? (int)Math.Min(999, SpentMicros * 100 / BudgetMicros!.Value) : 0;

    public bool IsReached => HasBudget && SpentMicros >= BudgetMicros;

    /// <summary>From 80 % until it is reached: admins are warned on Setup and Home.</summary>
    public bool IsWarning => HasBudget && !IsReached && Percent >= UsageSettings.WarningPercent;

    /// <summary>Sending waits for an admin: reached, and nobody resumed it this month.</summary>
    public bool PausesSending => IsReached && !ResumedThisMonth;

    /// <summary>The paused account's reason, as the Setup banner and the reply box show it.</summary>
    public string PauseReason =>
        $"This month's estimated X spend ({Usd.Format(SpentMicros)}) has reached the monthly budget of {Usd.Format(BudgetMicros ?? 0)}.";

    /// <summary>One line for Setup and Home: how far into the budget, or null with nothing to say.</summary>
    public string? Summary => !HasBudget ? null
        : PausesSending ? $"Sending is paused. {PauseReason} Replies wait in the outbox; DMs and mentions keep arriving and are counted."
        : IsReached ? $"Over budget: {Usd.Format(SpentMicros)} of {Usd.Format(BudgetMicros!.Value)} this month; sending was resumed past it until the month ends."
        : IsWarning ? $"{Percent} % of this month's X budget is spent: {Usd.Format(SpentMicros)} of {Usd.Format(BudgetMicros!.Value)}. At 100 % sending pauses."
        : null;
}
