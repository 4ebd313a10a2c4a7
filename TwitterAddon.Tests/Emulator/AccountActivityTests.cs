using System.Net.Http.Json;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Emulator.Webhooks;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Emulator;

/// <summary>The add-on's X client against the emulator over HTTP: credentials, webhooks, CRC and subscriptions.</summary>
public sealed class AccountActivityTests : IAsyncLifetime
{
    private static readonly OAuthCredentials Keys = EmulatorHost.SandboxCredentials;
    private EmulatorHost x = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => x = await EmulatorHost.StartAsync();

    public ValueTask DisposeAsync() => x.DisposeAsync();

    [Fact]
    public async Task VerifyCredentials_WithTheSandboxKeys_ReturnsTheAccount()
    {
        var user = await x.Client.VerifyCredentialsAsync(Keys, Ct);

        Assert.Equal(("1000000001", "AcmeSupport", "Acme Support"), (user.IdStr, user.ScreenName, user.Name));
        Assert.StartsWith("data:image/svg+xml", user.ProfileImageUrlHttps);
    }

    [Theory]
    [InlineData("wrong-key", SandboxSeed.ConsumerSecret, SandboxSeed.AccessToken, SandboxSeed.AccessTokenSecret, 32)]
    [InlineData(SandboxSeed.ConsumerKey, "wrong-secret", SandboxSeed.AccessToken, SandboxSeed.AccessTokenSecret, 32)]
    [InlineData(SandboxSeed.ConsumerKey, SandboxSeed.ConsumerSecret, "1000000001-unknown", SandboxSeed.AccessTokenSecret, 89)]
    [InlineData(SandboxSeed.ConsumerKey, SandboxSeed.ConsumerSecret, SandboxSeed.AccessToken, "wrong-token-secret", 32)]
    public async Task VerifyCredentials_WithWrongKeys_FailsWithXsCode(string key, string secret, string token, string tokenSecret, int code)
    {
        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.VerifyCredentialsAsync(new(key, secret, token, tokenSecret), Ct));

        Assert.Equal((401, code), (error.HttpStatus, error.Code));
    }

    [Fact]
    public async Task RegisterWebhook_RunsTheCrc_AndTheWebhookIsListed()
    {
        var webhook = await x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl, Ct);

        Assert.True(webhook.Valid);
        Assert.Equal(x.HookUrl, webhook.Url);
        Assert.NotNull(webhook.CreatedAt);
        var listed = Assert.Single(await x.Client.ListWebhooksAsync(Keys, "sandbox", Ct));
        Assert.Equal((webhook.Id, true), (listed.Id, listed.Valid));
        var environments = await x.Client.ListEnvironmentsAsync(Keys, Ct);
        Assert.Equal(["sandbox", "premium"], environments.Select(e => e.EnvironmentName));
        Assert.Equal(webhook.Id, Assert.Single(environments[0].Webhooks).Id);
    }

    [Theory]
    [InlineData("Sandbox")]
    [InlineData("nope")]
    public async Task RegisterWebhook_InAnUnknownOrMiscasedEnvironment_Is34(string environment)
    {
        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.RegisterWebhookAsync(Keys, environment, x.HookUrl, Ct));

        Assert.Equal((404, XErrorCodes.DoesNotExist), (error.HttpStatus, error.Code));
    }

    [Theory]
    [InlineData(WebhookReceiver.CrcBehaviour.WrongToken, CrcChallenger.BadResponse)]
    [InlineData(WebhookReceiver.CrcBehaviour.NotJson, CrcChallenger.BadResponse)]
    [InlineData(WebhookReceiver.CrcBehaviour.NotFound, CrcChallenger.Non200)]
    [InlineData(WebhookReceiver.CrcBehaviour.Slow, CrcChallenger.HighLatency)]
    public async Task RegisterWebhook_WhenTheCrcFails_Is214WithXsReason(WebhookReceiver.CrcBehaviour behaviour, string reason)
    {
        x.Receiver.Crc = behaviour;

        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl, Ct));

        Assert.Equal((403, XErrorCodes.WebhookRejected, reason), (error.HttpStatus, error.Code, error.Errors[0].Message));
        Assert.Empty(await x.Client.ListWebhooksAsync(Keys, "sandbox", Ct));
    }

    [Fact]
    public async Task RegisterWebhook_WhenUnreachable_Is214()
    {
        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.RegisterWebhookAsync(Keys, "sandbox", "http://127.0.0.1:1/hook", Ct));

        Assert.Equal(CrcChallenger.Non200, error.Errors[0].Message);
    }

    [Theory]
    [InlineData("http://example.com/hook")]
    [InlineData("https://example.com:8443/hook")]
    [InlineData("https://example.com:443/hook")]
    [InlineData("not a url")]
    public async Task RegisterWebhook_InStrictMode_AppliesXsUrlRules(string url)
    {
        await using var strict = await EmulatorHost.StartAsync(o => o.StrictWebhookUrls = true);

        var error = await Assert.ThrowsAsync<XApiException>(() => strict.Client.RegisterWebhookAsync(Keys, "sandbox", url, Ct));

        Assert.Equal((XErrorCodes.WebhookRejected, "Webhook URL does not meet the requirements."), (error.Code, error.Errors[0].Message));
    }

    [Fact]
    public async Task RegisterWebhook_ASecondOneInTheSameEnvironment_IsTooMany()
    {
        await x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl, Ct);

        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl + "?again=1", Ct));

        Assert.Equal("Too many resources already created.", error.Errors[0].Message);
    }

    [Fact]
    public async Task Crc_MarksABrokenWebhookInvalid_AndAPutRevalidatesIt()
    {
        var webhook = await x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl, Ct);
        x.Receiver.Crc = WebhookReceiver.CrcBehaviour.NotFound;

        (await x.Control.PostAsync("crc", null, Ct)).EnsureSuccessStatusCode();
        Assert.False(Assert.Single(await x.Client.ListWebhooksAsync(Keys, "sandbox", Ct)).Valid);
        await Assert.ThrowsAsync<XApiException>(() => x.Client.TriggerCrcAsync(Keys, "sandbox", webhook.Id, Ct));

        x.Receiver.Crc = WebhookReceiver.CrcBehaviour.Correct;
        await x.Client.TriggerCrcAsync(Keys, "sandbox", webhook.Id, Ct);
        Assert.True(Assert.Single(await x.Client.ListWebhooksAsync(Keys, "sandbox", Ct)).Valid);
    }

    [Fact]
    public async Task DeleteWebhook_RemovesIt_AndDeletingAgainIs34()
    {
        var webhook = await x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl, Ct);

        await x.Client.DeleteWebhookAsync(Keys, "sandbox", webhook.Id, Ct);

        Assert.Empty(await x.Client.ListWebhooksAsync(Keys, "sandbox", Ct));
        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.DeleteWebhookAsync(Keys, "sandbox", webhook.Id, Ct));
        Assert.Equal(XErrorCodes.DoesNotExist, error.Code);
    }

    [Fact]
    public async Task Subscribe_Check_Count_List_Unsubscribe()
    {
        Assert.False(await x.Client.IsSubscribedAsync(Keys, "sandbox", Ct));

        await x.Client.SubscribeAsync(Keys, "sandbox", Ct);
        await x.Client.SubscribeAsync(Keys, "sandbox", Ct); // 355 "already exists" counts as done

        Assert.True(await x.Client.IsSubscribedAsync(Keys, "sandbox", Ct));
        var count = await x.Client.CountSubscriptionsAsync(Keys, Ct);
        Assert.Equal((1, 15 + 250), (count.SubscriptionsCount, count.ProvisionedCount));
        Assert.Equal(["1000000001"], await x.Client.ListSubscriptionsAsync(Keys, "sandbox", Ct));

        await x.Client.UnsubscribeAsync(Keys, "sandbox", "1000000001", Ct);
        Assert.False(await x.Client.IsSubscribedAsync(Keys, "sandbox", Ct));
    }

    [Fact]
    public async Task Subscribe_WhenTheSandboxHasItsFifteen_IsRefused()
    {
        lock (x.World.Gate)
        {
            var sandbox = x.World.Apps[0].Environments[0];
            for (var i = 0; i < 15; i++)
            {
                sandbox.SubscribedUserIds.Add($"90000000{i:00}");
            }
        }

        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.SubscribeAsync(Keys, "sandbox", Ct));

        Assert.Equal((403, XErrorCodes.WebhookRejected), (error.HttpStatus, error.Code));
    }

    [Fact]
    public async Task ATokenWithoutWritePermission_CannotRegisterOrSubscribe()
    {
        (await x.Control.PatchAsJsonAsync($"tokens/{SandboxSeed.AccessToken}", new { can_write_and_message = false }, Ct)).EnsureSuccessStatusCode();

        var register = await Assert.ThrowsAsync<XApiException>(() => x.Client.RegisterWebhookAsync(Keys, "sandbox", x.HookUrl, Ct));
        var subscribe = await Assert.ThrowsAsync<XApiException>(() => x.Client.SubscribeAsync(Keys, "sandbox", Ct));

        Assert.Equal((XErrorCodes.CannotWrite, XErrorCodes.CannotWrite), (register.Code, subscribe.Code));
    }

    [Fact]
    public async Task ARevokedToken_Is89()
    {
        (await x.Control.PatchAsJsonAsync($"tokens/{SandboxSeed.AccessToken}", new { revoked = true }, Ct)).EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<XApiException>(() => x.Client.VerifyCredentialsAsync(Keys, Ct));

        Assert.Equal(XErrorCodes.InvalidOrExpiredToken, error.Code);
    }
}
