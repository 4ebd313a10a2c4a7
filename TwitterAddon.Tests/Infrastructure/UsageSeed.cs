using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Usage;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>Usage as page tests need it: DMs counted as the inbound worker counts them, a budget saved as an admin would.</summary>
public static class UsageSeed
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Counts <paramref name="count"/> customer DMs received now, priced at <paramref name="tier"/>.</summary>
    public static async Task CountDmsReceivedAsync(this IServiceProvider services, int count, AccountTier tier)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var ledger = await UsageLedger.OpenAsync(db, tier, Ct);
        for (var i = 0; i < count; i++)
        {
            ledger.Count(UsageKind.DirectMessageReceived, $"dm-{i}", DateTimeOffset.UtcNow);
        }

        await ledger.AddNewAsync(Ct);
        await db.SaveChangesAsync(Ct);
    }

    public static async Task SaveBudgetAsync(this IServiceProvider services, decimal dollars)
    {
        var form = UsageSettingsForm.From(UsageSettings.Defaults());
        form.MonthlyBudget = dollars;
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UsageService>().SaveAsync(form, "ada", Ct);
        Assert.True(outcome.Succeeded, outcome.Error);
    }
}
