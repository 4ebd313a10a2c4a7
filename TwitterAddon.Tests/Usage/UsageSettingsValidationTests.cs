using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Usage;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Usage;

/// <summary>Bad settings get a clear message and change nothing.</summary>
public sealed class UsageSettingsValidationTests : IAsyncLifetime
{
    private CoreHost host = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await CoreHost.StartAsync();

    public ValueTask DisposeAsync() => host.DisposeAsync();

    public static TheoryData<string, string> BadForms => new()
    {
        { "price-negative", "A price cannot be negative." },
        { "price-empty", "Enter a price in dollars (0 when X does not bill it)." },
        { "price-huge", "Enter at most $100 (X's prices are cents or less)." },
        { "budget-zero", "Enter a budget above $0, or leave it empty for none." },
        { "budget-cents", "Use dollars and cents: at most 2 decimals." },
        { "retention-short", "Keep them between 35 days (this month and the last 30 days) and 3650 days." },
        { "retention-empty", "Enter how many days to keep the counts." },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task ABadValue_IsRefusedWithItsMessage_AndNothingIsSaved(string bad, string message)
    {
        var form = UsageSettingsForm.From(UsageSettings.Defaults());
        form.MonthlyBudget = 50m;
        switch (bad)
        {
            case "price-negative": form.PostEvent = -0.005m; break;
            case "price-empty": form.DirectMessageSent = null; break;
            case "price-huge": form.PostWithUrl = 200m; break;
            case "budget-zero": form.MonthlyBudget = 0m; break;
            case "budget-cents": form.MonthlyBudget = 10.005m; break;
            case "retention-short": form.RetentionDays = 10; break;
            case "retention-empty": form.RetentionDays = null; break;
        }

        await using var scope = host.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UsageService>().SaveAsync(form, "ada", Ct);

        Assert.Equal(message, outcome.Error);
        var saved = (await host.Services.GetRequiredService<UsageReport>().SummarizeAsync(Ct)).Settings;
        Assert.Equal((PriceTable.XPublished, (long?)null, UsageSettings.DefaultRetentionDays), (saved.Prices, saved.MonthlyBudgetMicros, saved.RetentionDays));
    }

    [Fact]
    public async Task UsingXsPublishedPricesAgain_SaysSoOnThePage()
    {
        await using var scope = host.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<UsageService>();
        var form = UsageSettingsForm.From(UsageSettings.Defaults());
        form.PostWithUrl = 0.25m;
        Assert.True((await service.SaveAsync(form, "ada", Ct)).Succeeded);
        var report = host.Services.GetRequiredService<UsageReport>();
        Assert.Equal("ada", (await report.SummarizeAsync(Ct)).Settings.PricesChangedBy);

        form.PostWithUrl = 0.2m;
        Assert.True((await service.SaveAsync(form, "ada", Ct)).Succeeded);

        Assert.True((await report.SummarizeAsync(Ct)).Settings.UsesXPublishedPrices);
    }
}
