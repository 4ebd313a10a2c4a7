using FluentValidation;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Usage;

public sealed class UsageSettingsFormValidator : FormValidator<UsageSettingsForm>
{
    /// <summary>No X price comes near it; a typo (a budget typed into a price) does.</summary>
    public const decimal MaxPrice = 100m;

    public const decimal MaxBudget = 10_000_000m;

    public UsageSettingsFormValidator()
    {
        Price(f => f.DirectMessageReceived);
        Price(f => f.PostEvent);
        Price(f => f.DirectMessageSent);
        Price(f => f.SummonedReply);
        Price(f => f.PostWithUrl);
        RuleFor(f => f.MonthlyBudget)
            .Must(b => b is null or > 0).WithMessage("Enter a budget above $0, or leave it empty for none.")
            .Must(b => b is null or <= MaxBudget).WithMessage($"Enter at most {MaxBudget:$#,##0} a month.")
            .Must(b => b is null || decimal.Round(b.Value, 2) == b).WithMessage("Use dollars and cents: at most 2 decimals.");
        RuleFor(f => f.RetentionDays)
            .NotNull().WithMessage("Enter how many days to keep the counts.")
            .InclusiveBetween(UsageSettings.MinRetentionDays, UsageSettings.MaxRetentionDays)
            .WithMessage($"Keep them between {UsageSettings.MinRetentionDays} days (this month and the last 30 days) and {UsageSettings.MaxRetentionDays} days.");
    }

    private void Price(System.Linq.Expressions.Expression<Func<UsageSettingsForm, decimal?>> price) =>
        RuleFor(price)
            .NotNull().WithMessage("Enter a price in dollars (0 when X does not bill it).")
            .Must(p => p is null or >= 0).WithMessage("A price cannot be negative.")
            .Must(p => p is null or <= MaxPrice).WithMessage($"Enter at most {MaxPrice:$0} (X's prices are cents or less).")
            .Must(p => p is null || decimal.Round(p.Value, 6) == p).WithMessage("Use at most 6 decimals.");
}
