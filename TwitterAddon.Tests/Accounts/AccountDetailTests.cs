using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Accounts;

/// <summary>Detail Account and the webhook endpoint, on the real host with the emulator as X.</summary>
public sealed class AccountDetailTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();
    private HttpClient http = default!;
    private HttpClient control = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var address = portal.StartOnLoopback();
        http = new HttpClient { BaseAddress = address };
        control = new HttpClient { BaseAddress = new Uri(address, "emulator/control/") };
        using var scope = portal.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AccountConnector>()
            .ConnectAsync(AccountConnectorTests.SandboxForm(), "ada@example.com", false, null, Ct);
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        control.Dispose();
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task ChangeTier_IsStored()
    {
        Assert.True((await Service().ChangeTierAsync(AccountTier.Premium, "ada", Ct)).Succeeded);

        Assert.Equal(AccountTier.Premium, (await Service().GetAsync(Ct))!.Tier);
    }

    [Fact]
    public async Task ChangeEnvLabel_MovesWebhookAndSubscription_ToTheNewEnvironment()
    {
        var outcome = await Service().ChangeEnvLabelAsync("premium", "ada", Ct);

        Assert.True(outcome.Succeeded, outcome.Error);
        var account = (await Service().GetAsync(Ct))!;
        Assert.Equal("premium", account.EnvLabel);
        var (sandbox, premium) = await EnvironmentsAsync();
        Assert.Empty(sandbox["webhooks"]!.AsArray());
        Assert.Empty(sandbox["subscriptions"]!.AsArray());
        Assert.Equal(account.WebhookUrl, (string?)premium["webhooks"]![0]!["url"]);
        Assert.Equal("1000000001", (string?)premium["subscriptions"]![0]);
    }

    [Theory]
    [InlineData("Premium", "case-sensitive")]
    [InlineData("bad label!", "letters, digits")]
    public async Task ChangeEnvLabel_ToAWrongLabel_IsRefused_AndTheAccountStaysWhereItWas(string label, string hint)
    {
        var outcome = await Service().ChangeEnvLabelAsync(label, "ada", Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains(hint, outcome.Error);
        Assert.Equal("sandbox", (await Service().GetAsync(Ct))!.EnvLabel);
        var (sandbox, _) = await EnvironmentsAsync();
        Assert.Single(sandbox["webhooks"]!.AsArray());
        Assert.Single(sandbox["subscriptions"]!.AsArray());
    }

    [Fact]
    public async Task Revalidate_AfterXMarkedTheWebhookInvalid_MakesItValidAgain()
    {
        var world = portal.Services.GetRequiredService<EmulatorWorld>();
        lock (world.Gate)
        {
            world.Apps[0].Environments[0].Webhooks[0].Valid = false;
        }

        await portal.Services.CreateScope().ServiceProvider.GetRequiredService<AccountHealth>().CheckAsync(afterDowntime: false, Ct);
        Assert.True((await Service().GetAsync(Ct))!.WebhookValid, "the status check re-validates an invalid webhook");

        Assert.True((await Service().RevalidateWebhookAsync("ada", Ct)).Succeeded);
    }

    [Fact]
    public async Task Disconnect_UnsubscribesDeletesTheWebhook_AndForgetsTheKeys()
    {
        var key = (await StoredAsync())!.WebhookKey;

        Assert.True((await Service().DisconnectAsync("ada", Ct)).Succeeded);

        Assert.Null(await Service().GetAsync(Ct));
        var (sandbox, _) = await EnvironmentsAsync();
        Assert.Empty(sandbox["webhooks"]!.AsArray());
        Assert.Empty(sandbox["subscriptions"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"webhooks/twitter/{key}?crc_token=abcdefghijklmnop", Ct)).StatusCode);
    }

    [Fact]
    public async Task Crc_IsAnsweredWithTheConsumerSecret_AndRefusesImplausibleTokens()
    {
        const string token = "f8WvEgfNoJ-Xo0Ep_x3lCA";
        var key = (await StoredAsync())!.WebhookKey;

        var answer = await http.GetFromJsonAsync<JsonObject>($"webhooks/twitter/{key}?crc_token={token}&nonce=1", Ct);
        var unknown = await http.GetAsync($"webhooks/twitter/nosuchkey?crc_token={token}", Ct);

        Assert.Equal(WebhookSignature.CrcResponseToken(SandboxSeed.ConsumerSecret, token), (string?)answer!["response_token"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var implausible in new[] { "{\"for_user_id\":\"1\"}", "1", "true", "null", "12345", "", new string('A', 129) })
        {
            var refused = await http.GetAsync($"webhooks/twitter/{key}?crc_token=" + Uri.EscapeDataString(implausible), Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"crc_token={implausible} was signed");
        }
    }

    [Fact]
    public async Task Deliveries_AreStoredOnlyWhenSigned_AndOversizeIs413()
    {
        var key = (await StoredAsync())!.WebhookKey;
        var body = Encoding.UTF8.GetBytes("{\"for_user_id\":\"1000000001\",\"tweet_create_events\":[]}");

        var unsigned = await PostAsync(key, body, "sha256=AAAA");
        var signed = await PostAsync(key, body, WebhookSignature.Sign(SandboxSeed.ConsumerSecret, body));
        var huge = new byte[(1024 * 1024) + 1];
        var oversize = await PostAsync(key, huge, WebhookSignature.Sign(SandboxSeed.ConsumerSecret, huge));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge),
            (unsigned.StatusCode, signed.StatusCode, oversize.StatusCode));
        Assert.Equal(1, await InboundCountAsync());
        Assert.NotNull((await Service().GetAsync(Ct))!.LastEventAt);
    }

    [Fact]
    public async Task ACustomerDm_InTheSandbox_ReachesTheAddOnsWebhook_AndIsStored()
    {
        (await control.PostAsJsonAsync("direct_messages", new { sender = "jane_doe", text = "Hello from the Sandbox" }, Ct)).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await InboundCountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        await using var db = await Contexts().CreateDbContextAsync(Ct);
        var stored = await db.InboundEvents.SingleAsync(Ct);
        Assert.Contains("Hello from the Sandbox", Encoding.UTF8.GetString(stored.Body));
    }

    private AccountService Service() => portal.Services.CreateScope().ServiceProvider.GetRequiredService<AccountService>();

    private IDbContextFactory<TwitterAddonDbContext> Contexts() => portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>();

    private async Task<XAccount?> StoredAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.XAccounts.AsNoTracking().SingleOrDefaultAsync(Ct);
    }

    private async Task<int> InboundCountAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.InboundEvents.CountAsync(Ct);
    }

    private async Task<HttpResponseMessage> PostAsync(string key, byte[] body, string signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/twitter/{key}") { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        return await http.SendAsync(request, Ct);
    }

    private async Task<(JsonNode Sandbox, JsonNode Premium)> EnvironmentsAsync()
    {
        var world = (await control.GetFromJsonAsync<JsonObject>("world", Ct))!;
        var environments = world["apps"]![0]!["environments"]!;
        return (environments[0]!, environments[1]!);
    }
}
