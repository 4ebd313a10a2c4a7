using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter.V2;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Accounts;

/// <summary>
/// Begin Setup and Detail Account on today's X (Pay-per-use), against the real host on loopback: the emulator in the
/// same host plays X, sends its CRC to the add-on's real webhook endpoint and keeps the X Activity subscriptions.
/// </summary>
public sealed class ApiV2AccountTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();
    private HttpClient control = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        var address = portal.StartOnLoopback();
        control = new HttpClient { BaseAddress = new Uri(address, "emulator/control/") };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        control.Dispose();
        await portal.DisposeAsync();
    }

    public static SetupForm PayPerUseForm(string label = "production") => new()
    {
        ApiKey = SandboxSeed.ConsumerKey, ApiKeySecret = SandboxSeed.ConsumerSecret, AccessToken = SandboxSeed.AccessToken,
        AccessTokenSecret = SandboxSeed.AccessTokenSecret, EnvLabel = label, Tier = AccountTier.PayPerUse,
    };

    [Fact]
    public async Task Save_RegistersTheV2Webhook_AndSubscribesTheAccountToEveryEventTheInboxNeeds_TaggedWithTheEnvLabel()
    {
        var outcome = await ConnectAsync(PayPerUseForm());

        Assert.True(outcome.Succeeded, outcome.Message);
        var stored = (await StoredAsync())!;
        var app = await AppAsync();
        var webhook = Assert.Single(app["v2_webhooks"]!.AsArray())!;
        Assert.Equal((stored.WebhookUrl, stored.WebhookId, AccountTier.PayPerUse), ((string?)webhook["url"], (string?)webhook["id"], stored.Tier));
        var subscriptions = app["activity_subscriptions"]!.AsArray();
        Assert.Equal(ActivityEvents.Subscribed.Order(), subscriptions.Select(s => (string)s!["event_type"]!).Order());
        Assert.All(subscriptions, s => Assert.Equal(("production", "1000000001", stored.WebhookId), ((string?)s!["tag"], (string?)s["user_id"], (string?)s["webhook_id"])));
        Assert.Empty(app["environments"]![0]!["webhooks"]!.AsArray());

        var (state, error) = await Service().SubscriptionsAsync(Ct);
        Assert.Null(error);
        Assert.True(state!.Active);
        Assert.Equal(7, state.Subscriptions.Count);
    }

    [Fact]
    public async Task KeysWithoutTheDmPermission_StopAtSubscribe_WithWhatToDo_AndLeaveNothingAtX()
    {
        (await control.PatchAsJsonAsync($"tokens/{SandboxSeed.AccessToken}", new { can_write_and_message = false }, Ct)).EnsureSuccessStatusCode();

        var outcome = await ConnectAsync(PayPerUseForm());

        Assert.Equal(ConnectStep.Subscribe, outcome.FailedStep);
        Assert.Contains("lack the Direct Message permission", outcome.Message);
        Assert.Contains("regenerate the Access Token", outcome.Message);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task AnAppWithoutCredits_402_IsToldToTopThemUp_AndNothingIsSaved()
    {
        await new EmulatorControl(control).ScriptAsync(XAnswers.Fail(402));

        var outcome = await ConnectAsync(PayPerUseForm());

        Assert.Equal(ConnectStep.VerifyCredentials, outcome.FailedStep);
        Assert.StartsWith("The X app has no credits left: top them up in X's developer console", outcome.Message);
        Assert.Contains("does not have any credits to fulfill this request", outcome.Message);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task AWebhookXCannotVerify_StopsAtRegister_WithXsReason()
    {
        // X is told an address where nobody answers the CRC.
        await using var misaddressed = new PortalFactory();
        misaddressed.Setting("App:PublicBaseUrl", "http://127.0.0.1:9");
        misaddressed.StartOnLoopback(keepPublicBaseUrl: true);
        using var scope = misaddressed.Services.CreateScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<AccountConnector>().ConnectAsync(PayPerUseForm(), "ada", false, null, Ct);

        Assert.Equal(ConnectStep.RegisterWebhook, outcome.FailedStep);
        Assert.StartsWith("X could not verify this add-on's webhook at http://127.0.0.1:9/webhooks/twitter/", outcome.Message);
        Assert.Contains("CrcValidationFailed", outcome.Message);
    }

    [Fact]
    public async Task AnotherAppsWebhook_IsReplacedOnlyAfterTheAdminSaysSo_OnPayPerUsesOneWebhook()
    {
        var world = portal.Services.GetRequiredService<EmulatorWorld>();
        lock (world.Gate)
        {
            world.Apps[0].V2Webhooks.Add(new EmulatedWebhook { Id = "777", Url = "https://other.example.com/hook", CreatedAt = world.Now });
        }

        var asked = await ConnectAsync(PayPerUseForm());
        var replaced = await ConnectAsync(PayPerUseForm(), replace: true);

        Assert.Equal("https://other.example.com/hook", asked.WebhookToReplace);
        Assert.StartsWith("The X account already has its one webhook of another app or install", asked.Message);
        Assert.True(replaced.Succeeded, replaced.Message);
        Assert.Equal((await StoredAsync())!.WebhookUrl, (string?)Assert.Single((await AppAsync())["v2_webhooks"]!.AsArray())!["url"]);
    }

    [Fact]
    public async Task ANewEnvLabel_ReTagsTheSubscriptionsInPlace()
    {
        Assert.True((await ConnectAsync(PayPerUseForm())).Succeeded);
        var before = (await AppAsync())["activity_subscriptions"]!.AsArray().Select(s => (string)s!["id"]!).Order().ToList();

        Assert.True((await Service().ChangeEnvLabelAsync("staging", "ada", Ct)).Succeeded);

        var app = await AppAsync();
        Assert.All(app["activity_subscriptions"]!.AsArray(), s => Assert.Equal("staging", (string?)s!["tag"]));
        Assert.Equal(before, app["activity_subscriptions"]!.AsArray().Select(s => (string)s!["id"]!).Order());
        Assert.Single(app["v2_webhooks"]!.AsArray());
        Assert.Equal("staging", (await StoredAsync())!.EnvLabel);
    }

    [Fact]
    public async Task MovingToV11AndBack_SetsUpTheNewSideFirst_AndLeavesTheOldOneClean()
    {
        Assert.True((await ConnectAsync(PayPerUseForm("sandbox"))).Succeeded);

        var toLegacy = await Service().ChangeTierAsync(AccountTier.Sandbox, "ada", Ct);

        Assert.True(toLegacy.Succeeded, toLegacy.Error);
        var app = await AppAsync();
        Assert.Empty(app["v2_webhooks"]!.AsArray());
        Assert.Empty(app["activity_subscriptions"]!.AsArray());
        Assert.Single(app["environments"]![0]!["webhooks"]!.AsArray());
        Assert.Equal("1000000001", (string?)Assert.Single(app["environments"]![0]!["subscriptions"]!.AsArray()));

        Assert.True((await Service().ChangeTierAsync(AccountTier.PayPerUse, "ada", Ct)).Succeeded);
        app = await AppAsync();
        Assert.Empty(app["environments"]![0]!["webhooks"]!.AsArray());
        Assert.Equal(7, app["activity_subscriptions"]!.AsArray().Count);
        Assert.Equal(AccountTier.PayPerUse, (await StoredAsync())!.Tier);
    }

    [Fact]
    public async Task Disconnect_RemovesThisInstallsSubscriptions_ThenItsWebhook()
    {
        Assert.True((await ConnectAsync(PayPerUseForm())).Succeeded);

        Assert.True((await Service().DisconnectAsync("ada", Ct)).Succeeded);

        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task TheStatusCheck_RevalidatesAWebhookXMarkedInvalid_WithAPut()
    {
        Assert.True((await ConnectAsync(PayPerUseForm())).Succeeded);
        var world = portal.Services.GetRequiredService<EmulatorWorld>();
        lock (world.Gate)
        {
            world.Apps[0].V2Webhooks[0].Valid = false;
        }

        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountHealth>().CheckAsync(afterDowntime: false, Ct);
        }

        Assert.True((await Service().GetAsync(Ct))!.WebhookValid);
        lock (world.Gate)
        {
            Assert.True(world.Apps[0].V2Webhooks[0].Valid);
        }
    }

    private AccountService Service() => portal.Services.CreateScope().ServiceProvider.GetRequiredService<AccountService>();

    private async Task<ConnectOutcome> ConnectAsync(SetupForm form, bool replace = false)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountConnector>().ConnectAsync(form, "ada@example.com", replace, null, Ct);
    }

    private async Task<XAccount?> StoredAsync()
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        return await db.XAccounts.AsNoTracking().SingleOrDefaultAsync(Ct);
    }

    private async Task<JsonObject> AppAsync() => (await control.GetFromJsonAsync<JsonObject>("world", Ct))!["apps"]![0]!.AsObject();

    private async Task AssertNothingLeftAsync()
    {
        Assert.Null(await StoredAsync());
        var app = await AppAsync();
        Assert.Empty(app["v2_webhooks"]!.AsArray());
        Assert.Empty(app["activity_subscriptions"]!.AsArray());
    }
}
