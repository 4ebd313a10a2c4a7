using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Accounts;

/// <summary>
/// The Tier is the admin's word, X's subscription count is X's: where both cannot be true (a Premium tier on a
/// developer account with only the Sandbox allowance, Enterprise on Pay-per-use access), Setup says so.
/// </summary>
public sealed class TierCheckTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        portal.StartOnLoopback();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await portal.DisposeAsync();

    [Theory]
    [InlineData(AccountTier.Premium, 15, true)]
    [InlineData(AccountTier.Premium, 265, false)]
    [InlineData(AccountTier.Sandbox, 15, false)]
    [InlineData(AccountTier.Sandbox, 265, false)] // a paid account may keep its Sandbox environment: X's count cannot tell
    [InlineData(AccountTier.PayPerUse, 3, false)]
    [InlineData(AccountTier.PayPerUse, 5000, true)]
    [InlineData(AccountTier.Enterprise, 3, true)]
    [InlineData(AccountTier.Enterprise, 5000, false)]
    public void TheTierAndXsCount_DisagreeOnlyWhereBothCannotBeTrue(AccountTier tier, int provisioned, bool disagree) =>
        Assert.Equal(disagree, tier.DisagreesWith(provisioned) is not null);

    [Fact]
    public async Task PremiumOnASandboxOnlyAccount_ConnectsAndSaysSo_ChoosingSandboxClearsIt()
    {
        var world = portal.Services.GetRequiredService<EmulatorWorld>();
        lock (world.Gate)
        {
            world.Apps[0].Environments.RemoveAll(e => e.Label == SandboxSeed.PremiumEnvironment);
        }

        var form = AccountConnectorTests.SandboxForm(AccountTier.Premium);
        form.EnvLabel = SandboxSeed.SandboxEnvironment;
        Assert.True((await ConnectAsync(form)).Succeeded);

        Assert.StartsWith("X provisions this developer account for 15 subscriptions, the Sandbox tier's allowance", (await SummaryAsync()).TierNote);

        var checkedBefore = (await SummaryAsync()).LastCheckedAt;
        using var scope = portal.Services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().ChangeTierAsync(AccountTier.Sandbox, "ada", Ct)).Succeeded);
        var after = await SummaryAsync();
        Assert.Null(after.TierNote);
        // X was asked again: "Last checked with X" says so.
        Assert.True(after.LastCheckedAt > checkedBefore);
    }

    [Fact]
    public async Task MovingToAnotherEnvironment_AsksXAgain_AndLastCheckedWithXSaysWhen()
    {
        var form = AccountConnectorTests.SandboxForm(AccountTier.Premium);
        form.EnvLabel = SandboxSeed.PremiumEnvironment;
        Assert.True((await ConnectAsync(form)).Succeeded);
        var movedAfter = TimeProvider.System.GetUtcNow();

        using var scope = portal.Services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().ChangeEnvLabelAsync(SandboxSeed.SandboxEnvironment, "ada", Ct)).Succeeded);

        var after = await SummaryAsync();
        Assert.Equal(SandboxSeed.SandboxEnvironment, after.EnvLabel);
        Assert.True(after.LastCheckedAt >= movedAfter, $"Last checked with X is {after.LastCheckedAt:O}, before the move at {movedAfter:O}.");
    }

    [Fact]
    public async Task PayPerUseChosen_OnEnterpriseAccess_SaysSo_AndTheStatusCheckFollowsXsAnswer()
    {
        var world = portal.Services.GetRequiredService<EmulatorWorld>();
        lock (world.Gate)
        {
            world.Apps[0].Access = V2Access.Enterprise;
        }

        Assert.True((await ConnectAsync(AccountConnectorTests.SandboxForm(AccountTier.PayPerUse))).Succeeded);
        Assert.StartsWith("X reports enterprise access for this developer account (5,000 subscriptions)", (await SummaryAsync()).TierNote);

        lock (world.Gate)
        {
            world.Apps[0].Access = V2Access.PayPerUse;
        }

        using var scope = portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccountHealth>().CheckAsync(afterDowntime: false, Ct);
        Assert.Null((await SummaryAsync()).TierNote);
    }

    private async Task<ConnectOutcome> ConnectAsync(SetupForm form)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountConnector>().ConnectAsync(form, "ada", false, null, Ct);
    }

    private async Task<AccountSummary> SummaryAsync()
    {
        using var scope = portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AccountService>().GetAsync(Ct))!;
    }
}
