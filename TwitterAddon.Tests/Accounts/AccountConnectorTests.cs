using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Accounts;

/// <summary>
/// Save in Begin Setup against the real host on loopback: the emulator in the same host plays X and sends its
/// CRC to the add-on's real webhook endpoint, as X would.
/// </summary>
public sealed class AccountConnectorTests : IAsyncLifetime
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

    [Fact]
    public async Task SandboxKeys_Connect_TheAccountIsStoredWithEncryptedSecrets_AndXHasOurWebhookAndSubscription()
    {
        var steps = new List<ConnectStep>();
        var progress = new SynchronousProgress(steps);

        var outcome = await ConnectAsync(SandboxForm(), progress: progress);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(Enum.GetValues<ConnectStep>(), steps);
        Assert.Equal(("Acme Support", "AcmeSupport"), (progress.Reports[^1].Name, progress.Reports[^1].ScreenName));
        var stored = await StoredAccountAsync();
        Assert.Equal(("1000000001", "AcmeSupport", "sandbox", AccountTier.Sandbox, true, true),
            (stored!.UserId, stored.ScreenName, stored.EnvLabel, stored.Tier, stored.WebhookValid, stored.SubscriptionActive));
        // X's CRC during the registration is on record, though the account row did not exist yet then.
        Assert.NotNull(await portal.Services.GetRequiredService<CrcLog>().LastAnsweredAsync(stored.WebhookKey, Ct));
        Assert.DoesNotContain(SandboxSeed.ConsumerSecret, stored.ProtectedConsumerSecret);
        Assert.DoesNotContain(SandboxSeed.AccessTokenSecret, stored.ProtectedAccessTokenSecret);
        Assert.DoesNotContain("sandboxaccesstoken", stored.ProtectedAccessToken);
        var environment = Sandbox(await WorldAsync());
        Assert.Equal(stored.WebhookUrl, (string?)environment["webhooks"]![0]!["url"]);
        Assert.Equal("1000000001", (string?)environment["subscriptions"]![0]);
    }

    [Theory]
    [InlineData("wrong-secret", SandboxSeed.AccessToken, "sandbox", ConnectStep.VerifyCredentials, "(32)")]
    [InlineData(SandboxSeed.ConsumerSecret, "1000000001-unknowntoken", "sandbox", ConnectStep.VerifyCredentials, "(89)")]
    [InlineData(SandboxSeed.ConsumerSecret, SandboxSeed.AccessToken, "Sandbox", ConnectStep.CheckEnvironment, "case-sensitive")]
    [InlineData(SandboxSeed.ConsumerSecret, SandboxSeed.AccessToken, "nope", ConnectStep.CheckEnvironment, "(34)")]
    public async Task WrongKeysOrEnvLabel_StopAtTheirStep_WithWhatToFix_AndLeaveNothing(
        string consumerSecret, string accessToken, string env, ConnectStep step, string hint)
    {
        var form = SandboxForm();
        form.ApiKeySecret = consumerSecret;
        form.AccessToken = accessToken;
        form.EnvLabel = env;

        var outcome = await ConnectAsync(form);

        Assert.Equal((false, step), (outcome.Succeeded, outcome.FailedStep));
        Assert.Contains(hint, outcome.Message);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task ATokenWithoutDmPermission_SaysRegenerateTheAccessToken()
    {
        (await control.PatchAsJsonAsync($"tokens/{SandboxSeed.AccessToken}", new { can_write_and_message = false }, Ct)).EnsureSuccessStatusCode();

        var outcome = await ConnectAsync(SandboxForm());

        Assert.Equal(ConnectStep.RegisterWebhook, outcome.FailedStep);
        Assert.Contains("regenerate the Access Token", outcome.Message);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task AnUnreachableWebhook_Is214WithXsReason_AndLeavesNothing()
    {
        await using var elsewhere = new PortalFactory();
        elsewhere.Setting("App:PublicBaseUrl", "http://127.0.0.1:1");
        elsewhere.StartOnLoopback(keepPublicBaseUrl: true);
        using var scope = elsewhere.Services.CreateScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<AccountConnector>()
            .ConnectAsync(SandboxForm(), "test", replaceForeignWebhook: false, progress: null, Ct);

        Assert.Equal(ConnectStep.RegisterWebhook, outcome.FailedStep);
        Assert.Contains("(214)", outcome.Message);
        Assert.Contains("Non-200 response code during CRC GET request", outcome.Message);
    }

    [Fact]
    public async Task AnotherAppsWebhook_IsReplacedOnlyWhenTheAdminSaysSo()
    {
        RegisterForeignWebhook();

        var asked = await ConnectAsync(SandboxForm());
        Assert.True(asked.NeedsReplaceConfirmation);
        Assert.Contains("https://other.example.com/hook", asked.Message);
        Assert.Null(await StoredAccountAsync());

        var replaced = await ConnectAsync(SandboxForm(), replace: true);

        Assert.True(replaced.Succeeded, replaced.Message);
        var webhooks = Sandbox(await WorldAsync())["webhooks"]!.AsArray();
        Assert.Equal((await StoredAccountAsync())!.WebhookUrl, (string?)Assert.Single(webhooks)!["url"]);
    }

    [Fact]
    public async Task OurOwnWebhookFromAnEarlierInstall_IsReused_NotDuplicated()
    {
        Assert.True((await ConnectAsync(SandboxForm())).Succeeded);
        var first = (await StoredAccountAsync())!;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            // The database was lost, X still has our webhook.
            await db.XAccounts.ExecuteDeleteAsync(Ct);
        }

        var again = await ConnectAsync(SandboxForm());

        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(first.WebhookUrl, (await StoredAccountAsync())!.WebhookUrl);
        Assert.Single(Sandbox(await WorldAsync())["webhooks"]!.AsArray());
    }

    [Fact]
    public async Task AFullSubscriptionQuota_FailsAtSubscribe_AndRemovesTheWebhookItRegistered()
    {
        var world = portal.Services.GetRequiredService<EmulatorWorld>();
        lock (world.Gate)
        {
            for (var i = 0; i < 15; i++)
            {
                world.Apps[0].Environments[0].SubscribedUserIds.Add($"80000000{i:00}");
            }
        }

        var outcome = await ConnectAsync(SandboxForm());

        Assert.Equal(ConnectStep.Subscribe, outcome.FailedStep);
        Assert.Contains("subscriptions are all used", outcome.Message);
        Assert.Empty(Sandbox(await WorldAsync())["webhooks"]!.AsArray());
        Assert.Null(await StoredAccountAsync());
    }

    [Fact]
    public async Task ASecondConnect_IsRefused_WhileAnAccountIsConnected()
    {
        await ConnectAsync(SandboxForm());

        var again = await ConnectAsync(SandboxForm());

        Assert.False(again.Succeeded);
        Assert.Contains("already connected", again.Message);
    }

    [Fact]
    public async Task BadForm_IsRefusedBeforeCallingX()
    {
        var form = SandboxForm();
        form.AccessToken = "not-a-token!";

        var outcome = await ConnectAsync(form);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Access Token looks like", outcome.Message);
        await AssertNothingLeftAsync();
    }

    internal static SetupForm SandboxForm(AccountTier tier = AccountTier.Sandbox) => new()
    {
        ApiKey = SandboxSeed.ConsumerKey, ApiKeySecret = SandboxSeed.ConsumerSecret, AccessToken = SandboxSeed.AccessToken,
        AccessTokenSecret = SandboxSeed.AccessTokenSecret, EnvLabel = SandboxSeed.EnvLabelFor(tier), Tier = tier,
    };

    private async Task<ConnectOutcome> ConnectAsync(SetupForm form, bool replace = false, IProgress<ConnectProgressReport>? progress = null)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountConnector>().ConnectAsync(form, "ada@example.com", replace, progress, Ct);
    }

    private async Task<XAccount?> StoredAccountAsync()
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        return await db.XAccounts.AsNoTracking().SingleOrDefaultAsync(Ct);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> WorldAsync() =>
        (await control.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("world", Ct))!;

    private static System.Text.Json.Nodes.JsonNode Sandbox(System.Text.Json.Nodes.JsonObject world) =>
        world["apps"]![0]!["environments"]![0]!;

    private async Task AssertNothingLeftAsync()
    {
        Assert.Null(await StoredAccountAsync());
        var environment = Sandbox(await WorldAsync());
        Assert.Empty(environment["webhooks"]!.AsArray());
        Assert.Empty(environment["subscriptions"]!.AsArray());
    }

    private void RegisterForeignWebhook()
    {
        var world = portal.Services.GetRequiredService<EmulatorWorld>();
        lock (world.Gate)
        {
            world.Apps[0].Environments[0].Webhooks.Add(new EmulatedWebhook { Id = "777", Url = "https://other.example.com/hook", CreatedAt = world.Now });
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants the steps in order, at once.</summary>
    private sealed class SynchronousProgress(List<ConnectStep> steps) : IProgress<ConnectProgressReport>
    {
        public List<ConnectProgressReport> Reports { get; } = [];

        public void Report(ConnectProgressReport value)
        {
            steps.Add(value.Step);
            Reports.Add(value);
        }
    }
}
