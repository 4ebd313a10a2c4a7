using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Inbound;
using TwitterAddon.Tests.Inbox;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Accounts;

/// <summary>
/// X no longer has the webhook or the subscription (deleted at X, or X lost them): Setup says exactly that, and
/// Register again brings the events back with the stored keys. A restarted host finds the emulated X as it left it.
/// </summary>
public sealed class WebhookRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AccountTier.Sandbox)]
    [InlineData(AccountTier.PayPerUse)]
    public async Task XLostTheWebhook_SetupSaysSo_AndRegisterAgainBringsTheEventsBack(AccountTier tier)
    {
        await using var harness = await InboundHarness.StartAsync(form: AccountConnectorTests.SandboxForm(tier));
        await harness.DmConversationAsync("jane_doe");
        harness.Services.GetRequiredService<EmulatorWorld>().ForgetAtX(webhooks: true);
        using var scope = harness.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        await scope.ServiceProvider.GetRequiredService<AccountHealth>().CheckAsync(afterDowntime: false, Ct);

        var lost = (await accounts.GetAsync(Ct))!;
        Assert.False(lost.Receiving);
        Assert.True(lost.CanRegisterAgain);
        Assert.Equal(XErrorMessages.WebhookGone, lost.WhyNotReceiving);
        // Re-validating says the same, not "check the Env Label".
        Assert.Equal(XErrorMessages.WebhookGone, (await accounts.RevalidateWebhookAsync("ada", Ct)).Error);

        var again = await scope.ServiceProvider.GetRequiredService<WebhookRecovery>().RegisterAgainAsync("ada", Ct);

        Assert.True(again.Succeeded, again.Error);
        var back = (await accounts.GetAsync(Ct))!;
        Assert.True(back.Receiving);
        Assert.Equal(lost.WebhookUrl, back.WebhookUrl);
        Assert.NotEqual(lost.WebhookId, back.WebhookId);
        await harness.DmConversationAsync("budi_santoso", "Is anyone there?");
    }

    [Fact]
    public async Task XLostOnlyTheSubscription_SetupSaysSo_AndRegisterAgainSubscribesWithoutANewWebhook()
    {
        await using var harness = await InboundHarness.StartAsync();
        harness.Services.GetRequiredService<EmulatorWorld>().ForgetAtX(webhooks: false);
        using var scope = harness.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        await scope.ServiceProvider.GetRequiredService<AccountHealth>().CheckAsync(afterDowntime: false, Ct);
        var lost = (await accounts.GetAsync(Ct))!;
        Assert.Equal(XErrorMessages.SubscriptionGone, lost.WhyNotReceiving);
        Assert.True(lost.CanRegisterAgain);

        Assert.True((await scope.ServiceProvider.GetRequiredService<WebhookRecovery>().RegisterAgainAsync("ada", Ct)).Succeeded);

        var back = (await accounts.GetAsync(Ct))!;
        Assert.True(back.Receiving);
        Assert.Equal(lost.WebhookId, back.WebhookId);
        await harness.DmConversationAsync("budi_santoso", "Hello again");
    }

    [Fact]
    public async Task AWebhookAtAnAddressThisHostLeft_IsMovedHereByRegisterAgain()
    {
        await using var harness = await InboundHarness.StartAsync();
        var world = harness.Services.GetRequiredService<EmulatorWorld>();
        string oldUrl;
        lock (world.Gate)
        {
            // App:PublicBaseUrl changed: X still has the webhook at the old address, and its CRC there fails.
            var webhooks = world.Apps[0].Environments.Single(e => e.Label == SandboxSeed.SandboxEnvironment).Webhooks;
            var ours = Assert.Single(webhooks);
            oldUrl = ours.Url.Replace("127.0.0.1", "old-host.invalid", StringComparison.Ordinal);
            webhooks[0] = new EmulatedWebhook { Id = ours.Id, Url = oldUrl, Valid = false, CreatedAt = ours.CreatedAt };
        }

        using var scope = harness.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccountHealth>().CheckAsync(afterDowntime: false, Ct);
        var invalid = (await scope.ServiceProvider.GetRequiredService<AccountService>().GetAsync(Ct))!;
        Assert.False(invalid.Receiving);
        Assert.True(invalid.CanRegisterAgain);

        Assert.True((await scope.ServiceProvider.GetRequiredService<WebhookRecovery>().RegisterAgainAsync("ada", Ct)).Succeeded);

        lock (world.Gate)
        {
            var webhook = Assert.Single(world.Apps[0].Environments.Single(e => e.Label == SandboxSeed.SandboxEnvironment).Webhooks);
            Assert.Equal((invalid.WebhookUrl, true), (webhook.Url, webhook.Valid));
        }

        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().GetAsync(Ct))!.Receiving);
        await harness.DmConversationAsync("budi_santoso", "Hello from the new address");
    }

    [Fact]
    public async Task ARestartedHost_FindsXAsItLeftIt_AndEventsKeepArriving()
    {
        using var database = new TestDatabase();
        int port;
        await using (var first = await InboundHarness.StartAsync(database: database))
        {
            port = first.Http.BaseAddress!.Port;
            await first.DmConversationAsync("jane_doe");
        }

        Assert.True(File.Exists(Path.Combine(database.Folder, "emulator-world.json")));
        await using var second = await InboundHarness.ResumeAsync(database, port);

        await second.DmConversationAsync("budi_santoso", "Still there after the restart?");
        using var scope = second.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccountHealth>().CheckAsync(afterDowntime: true, Ct);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().GetAsync(Ct))!.Receiving);
    }
}
