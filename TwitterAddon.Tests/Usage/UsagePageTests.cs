using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Team;
using TwitterAddon.Core.Usage;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Pages.Usage;

namespace TwitterAddon.Tests.Usage;

/// <summary>Setup → Usage: counts and costs by kind, the budget's states, and settings that refuse bad input.</summary>
public sealed class UsagePageTests : CoreMudTestContext
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Auth.SetAuthorized("ada@example.com");
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "ada"));
        Auth.SetRoles(TeamRoles.Admin);
        await Services.AddBareAccountAsync(AccountTier.PayPerUse);
    }

    private IDbContextFactory<TwitterAddonDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>();

    [Fact]
    public async Task CountsAndCostsByKind_AndTheWarningAt80Percent()
    {
        await Services.CountDmsReceivedAsync(4, AccountTier.PayPerUse);
        await Services.SaveBudgetAsync(0.05m);

        var page = Render<UsageAndCosts>();

        page.WaitForAssertion(() => Assert.Equal("4 · $0.04", Cell(page, UsageKind.DirectMessageReceived)));
        Assert.Equal("$0.01", page.Find($"[data-kind={UsageKind.DirectMessageReceived}] td:nth-child(2)").TextContent.Trim());
        Assert.Contains("80 % of this month's X budget is spent: $0.04 of $0.05", page.Find("[data-testid=budget-alert]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=budget-resume]"));
        Assert.Empty(page.FindAll("[data-testid=usage-chart-empty]"));
    }

    [Fact]
    public async Task AtTheBudget_SendingIsPaused_AndResumeSendsOnPastItForTheMonth()
    {
        await Services.CountDmsReceivedAsync(3, AccountTier.PayPerUse);
        await Services.SaveBudgetAsync(0.02m);
        var page = Render<UsageAndCosts>();
        page.WaitForAssertion(() => Assert.StartsWith("Sending is paused.", page.Find("[data-testid=budget-alert]").TextContent.Trim()));

        page.Find("button[data-testid=budget-resume]").Click();

        page.WaitForAssertion(() => Assert.StartsWith("Over budget: $0.03 of $0.02 this month", page.Find("[data-testid=budget-alert]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=budget-resume]"));
    }

    [Fact]
    public async Task ABudgetOfZero_IsRefusedUnderTheField_AndNothingIsSaved()
    {
        var page = Render<UsageAndCosts>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=usage-settings]")));

        Input(page, "budget").Input("0");
        page.Find("button[data-testid=usage-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Enter a budget above $0, or leave it empty for none.", page.Find("[data-testid=usage-settings]").TextContent));
        Assert.Null((await Services.GetRequiredService<UsageReport>().SummarizeAsync(Ct)).Settings.MonthlyBudgetMicros);
    }

    [Fact]
    public async Task OnAV11Tier_OnlyCountsAreShown()
    {
        await using (var db = await Contexts.CreateDbContextAsync(Ct))
        {
            await db.XAccounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Tier, AccountTier.Sandbox), Ct);
        }

        await Services.CountDmsReceivedAsync(3, AccountTier.Sandbox);

        var page = Render<UsageAndCosts>();

        page.WaitForAssertion(() => Assert.Equal("3", Cell(page, UsageKind.DirectMessageReceived)));
        Assert.Contains("X does not bill it per use, so only counts are shown", page.Find("[data-testid=counts-only]").TextContent);
        Assert.DoesNotContain("Price each", page.Find("[data-testid=usage-table]").TextContent);
    }

    /// <summary>The kind's "Today" cell, the column after the price when prices are shown.</summary>
    private static string Cell(IRenderedComponent<UsageAndCosts> page, UsageKind kind) =>
        page.Find($"[data-kind={kind}] td:nth-child({(page.Find("[data-testid=usage-table]").TextContent.Contains("Price each") ? 3 : 2)})").TextContent.Trim();

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<UsageAndCosts> page, string testId)
    {
        var element = page.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }
}
