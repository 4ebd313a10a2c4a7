using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Usage;

/// <summary>The admins' side of Usage: prices, the monthly budget and retention, checked and saved.</summary>
public sealed partial class UsageService(
    IDbContextFactory<TwitterAddonDbContext> contexts,
    IValidator<UsageSettingsForm> validator,
    SendingBudget budget,
    AccountActivityNotifier notifier,
    TimeProvider clock,
    ILogger<UsageService> logger)
{
    public async Task<Outcome> SaveAsync(UsageSettingsForm form, string actor, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome.Refused(validation.Errors[0].ErrorMessage);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.UsageSettingsToChangeAsync(cancellationToken);
        settings.ChangePrices(form.Prices, form.LinkedRepliesPayUrlPrice, clock.GetUtcNow(), actor);
        settings.SetBudget(form.MonthlyBudget is { } dollars ? Usd.ToMicros(dollars) : null);
        settings.SetRetention(form.RetentionDays!.Value);
        await db.SaveChangesAsync(cancellationToken);

        // A budget raised above the spend (or removed) lets a paused account send again at once.
        var accounts = await db.XAccounts.ToListAsync(cancellationToken);
        if (await budget.ApplyAsync(db, accounts, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        LogSaved(logger, actor, settings.MonthlyBudgetMicros, settings.UsesXPublishedPrices);
        notifier.Notify();
        return Outcome.Ok;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: usage settings saved by {Actor} (budget in micro-dollars {BudgetMicros}, X's published prices: {Published})")]
    private static partial void LogSaved(ILogger logger, string actor, long? budgetMicros, bool published);
}
