using System.Diagnostics;
using System.Net.Http.Json;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Emulator;

/// <summary>Rate limits, 5xx and delivery retries: what the client and the emulator do when X misbehaves.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private static readonly OAuthCredentials Keys = EmulatorHost.SandboxCredentials;
    private EmulatorHost x = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        x = await EmulatorHost.StartAsync(o => o.PremiumRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)]);

    public ValueTask DisposeAsync() => x.DisposeAsync();

    [Fact]
    public async Task EveryAnswer_CarriesRateLimitHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "1.1/account/verify_credentials.json");
        request.Headers.Authorization = new(OAuthHeader.Scheme, OAuthHeader.Create(
            "GET", new Uri(x.Raw.BaseAddress!, "1.1/account/verify_credentials.json"), [], Keys,
            OAuthHeader.NewNonce(), DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

        using var response = await x.Raw.SendAsync(request, Ct);

        Assert.True(response.Headers.Contains("x-rate-limit-limit"));
        Assert.True(response.Headers.Contains("x-rate-limit-remaining"));
        Assert.True(response.Headers.Contains("x-rate-limit-reset"));
    }

    [Fact]
    public async Task A429_IsWaitedOutUntilTheReset_ThenTheCallSucceeds()
    {
        await SetFaultsAsync(new { fail_next_count = 1, fail_next_status = 429, fail_next_code = 88 });

        var watch = Stopwatch.StartNew();
        var user = await x.Client.VerifyCredentialsAsync(Keys, Ct);

        Assert.Equal("AcmeSupport", user.ScreenName);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.5), "the client must wait for x-rate-limit-reset");
    }

    [Fact]
    public async Task A429_ResettingLaterThanTheClientWaits_IsReportedWithTheResetTime()
    {
        await using var impatient = await EmulatorHost.StartAsync(maxRateLimitWait: TimeSpan.Zero);
        (await impatient.Control.PutAsJsonAsync("faults", new { fail_next_count = 1, fail_next_status = 429, fail_next_code = 88 }, Ct)).EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<XApiException>(() => impatient.Client.VerifyCredentialsAsync(Keys, Ct));

        Assert.Equal((429, XErrorCodes.RateLimitExceeded), (error.HttpStatus, error.Code));
        Assert.NotNull(error.RateLimitReset);
    }

    [Fact]
    public async Task ServerErrors_OnAGet_AreRetried()
    {
        await SetFaultsAsync(new { fail_next_count = 2, fail_next_status = 503 });

        var user = await x.Client.VerifyCredentialsAsync(Keys, Ct);

        Assert.Equal("AcmeSupport", user.ScreenName);
    }

    [Fact]
    public async Task AServerError_OnADmSend_IsNotResentBlindly()
    {
        await SetFaultsAsync(new { fail_next_count = 1, fail_next_status = 503 });

        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.SendDirectMessageAsync(Keys, "1000000002", "Hello", Ct));

        Assert.Equal(503, error.HttpStatus);
        lock (x.World.Gate)
        {
            Assert.Empty(x.World.DirectMessages);
        }
    }

    [Fact]
    public async Task Premium_RetriesAFailedDelivery_Sandbox_DoesNot()
    {
        await x.Client.RegisterWebhookAsync(Keys, "premium", x.HookUrl, Ct);
        await x.Client.SubscribeAsync(Keys, "premium", Ct);
        x.Receiver.RefuseNextDeliveries = 1;

        await SendCustomerDmAsync("first");

        await x.Receiver.WaitForAsync(p => Text(p) == "first");
        // X logs an attempt once the webhook has answered it: the receiver can see the body a moment before.
        await WaitForLogAsync(d => (int?)d["attempt"] == 1 && (string?)d["outcome"] == "delivered");
        var log = await x.Control.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("deliveries", Ct);

        await x.Client.DeleteWebhookAsync(Keys, "premium", Assert.Single(await x.Client.ListWebhooksAsync(Keys, "premium", Ct)).Id, Ct);
        await x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl, Ct);
        await x.Client.SubscribeAsync(Keys, "sandbox", Ct);
        x.Receiver.RefuseNextDeliveries = 1;
        await SendCustomerDmAsync("second");
        // X's log says it at once: Premium's refused first attempt is retried, Sandbox's is dropped.
        var sandboxRefusal = await WaitForLogAsync(d => (string?)d["outcome"] == "rejected" && d["retry_in_seconds"] is null);
        Assert.Equal(0, (int?)sandboxRefusal["attempt"]);
        Assert.Contains(log!, d => (int?)d["attempt"] == 0 && (string?)d["outcome"] == "rejected" && (double?)d["retry_in_seconds"] > 0);
        Assert.DoesNotContain(x.Receiver.Deliveries, d => Text(d.Body) == "second");
    }

    [Fact]
    public async Task DuplicateDeliveries_SendEveryEventTwice()
    {
        await x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl, Ct);
        await x.Client.SubscribeAsync(Keys, "sandbox", Ct);
        await SetFaultsAsync(new { duplicate_deliveries = true });

        await SendCustomerDmAsync("twice");

        await x.Receiver.WaitForAsync(p => x.Receiver.Deliveries.Count(d => Text(d.Body) == "twice") == 2);
    }

    [Theory]
    [InlineData(326)]
    [InlineData(453)]
    [InlineData(185)]
    public async Task InjectedXErrors_ReachTheCallerWithTheirCode_AndAdvice(int code)
    {
        await SetFaultsAsync(new { fail_next_count = 1, fail_next_status = 403, fail_next_code = code });

        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.PostReplyAsync(Keys, "Hello", "1", Ct));

        Assert.Equal((403, code), (error.HttpStatus, error.Code));
        Assert.False(string.IsNullOrEmpty(XRefusals.Advice(error.Refusal)));
    }

    [Fact]
    public async Task ClearingFaults_RestoresNormalAnswers()
    {
        await SetFaultsAsync(new { error_rate = 1.0, error_status = 500 });
        (await x.Control.DeleteAsync("faults", Ct)).EnsureSuccessStatusCode();

        Assert.Equal("AcmeSupport", (await x.Client.VerifyCredentialsAsync(Keys, Ct)).ScreenName);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> WaitForLogAsync(Func<System.Text.Json.Nodes.JsonObject, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var log = await x.Control.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("deliveries", Ct);
            if (log!.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "X logged no such delivery attempt.");
            await Task.Delay(20, Ct);
        }
    }

    private Task SetFaultsAsync(object plan) => x.ControlApi.SetFaultsAsync(plan);

    private async Task SendCustomerDmAsync(string text) =>
        (await x.Control.PostAsJsonAsync("direct_messages", new { sender = "jane_doe", text }, Ct)).EnsureSuccessStatusCode();

    private static string? Text(System.Text.Json.Nodes.JsonObject payload) =>
        (string?)payload["direct_message_events"]?[0]?["message_create"]?["message_data"]?["text"];
}
