using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Usage;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Usage;

/// <summary>What the usage tests read and change through the driven harness: the counts, the page's summary, the settings.</summary>
internal static class UsageDriver
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<List<UsageRecord>> UsageAsync(this DrivenHarness driver)
    {
        await using var db = await driver.Contexts().CreateDbContextAsync(Ct);
        return await db.UsageRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
    }

    public static Task<UsageSummary> UsageSummaryAsync(this DrivenHarness driver) =>
        driver.Services.GetRequiredService<UsageReport>().SummarizeAsync(Ct);

    /// <summary>Saves the settings as an admin would on the Usage page, starting from what is saved now.</summary>
    public static async Task SaveUsageSettingsAsync(this DrivenHarness driver, Action<UsageSettingsForm> change)
    {
        var form = UsageSettingsForm.From((await driver.UsageSummaryAsync()).Settings);
        change(form);
        await using var scope = driver.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UsageService>().SaveAsync(form, "ada", Ct);
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    public static async Task SetChannelActiveAsync(this DrivenHarness driver, ChannelKind kind, bool active)
    {
        await using var scope = driver.Services.CreateAsyncScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var channel = (await channels.ListAsync(Ct)).Single(c => c.Kind == kind);
        Assert.True((await channels.SetActiveAsync(channel.Id, active, "ada", Ct)).Succeeded);
    }

    /// <summary>The fake clock to <paramref name="before"/> the end of this UTC month.</summary>
    public static void MoveToEndOfMonth(this DrivenHarness driver, TimeSpan before)
    {
        var now = driver.Clock.GetUtcNow();
        driver.Clock.SetUtcNow(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) - before);
    }
}
