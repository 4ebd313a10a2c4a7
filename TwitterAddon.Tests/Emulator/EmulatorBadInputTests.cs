using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Emulator;

/// <summary>Whatever is sent, the emulator answers like X: an X-shaped error, never a 500.</summary>
public sealed class EmulatorBadInputTests : IAsyncLifetime
{
    private EmulatorHost x = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => x = await EmulatorHost.StartAsync();

    public ValueTask DisposeAsync() => x.DisposeAsync();

    [Theory]
    [InlineData("{not json")]
    [InlineData("{}")]
    [InlineData("{\"event\":{\"message_create\":{\"target\":{}}}}")]
    [InlineData("[]")]
    public async Task MalformedDmBodies_Are400WithCode38(string body)
    {
        using var request = Signed(HttpMethod.Post, "1.1/direct_messages/events/new.json", []);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await x.Raw.SendAsync(request, Ct);

        await AssertXErrorAsync(response, HttpStatusCode.BadRequest, 38);
    }

    [Fact]
    public async Task AStatusUpdateWithoutStatus_Is38()
    {
        using var response = await x.Raw.SendAsync(Signed(HttpMethod.Post, "1.1/statuses/update.json", []), Ct);

        await AssertXErrorAsync(response, HttpStatusCode.BadRequest, 38);
    }

    [Fact]
    public async Task UnknownV1Paths_Are404WithCode34()
    {
        using var response = await x.Raw.GetAsync("1.1/nothing/here.json", Ct);

        await AssertXErrorAsync(response, HttpStatusCode.NotFound, 34);
    }

    [Theory]
    [InlineData("2/nothing/here")]
    [InlineData("2/tweets/search/all")]
    public async Task UnknownV2Paths_Are404Problems(string path)
    {
        using var response = await x.Raw.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Ct))!;
        Assert.Equal(("Not Found Error", "https://api.twitter.com/2/problems/resource-not-found", 404),
            ((string?)problem["title"], (string?)problem["type"], (int?)problem["status"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("OAuth garbage")]
    [InlineData("Bearer nope")]
    public async Task MissingOrBrokenAuthorization_Is401(string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "1.1/account/verify_credentials.json");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await x.Raw.SendAsync(request, Ct);

        await AssertXErrorAsync(response, HttpStatusCode.Unauthorized, 32);
    }

    [Fact]
    public async Task AStaleTimestamp_Is135()
    {
        using var request = Signed(HttpMethod.Get, "1.1/account/verify_credentials.json", [], DateTimeOffset.UtcNow.AddHours(-1));

        using var response = await x.Raw.SendAsync(request, Ct);

        await AssertXErrorAsync(response, HttpStatusCode.Unauthorized, 135);
    }

    [Fact]
    public async Task AReplayedNonce_Is32()
    {
        var header = Header(HttpMethod.Get, "1.1/account/verify_credentials.json", [], DateTimeOffset.UtcNow, "fixed-nonce-123");
        using var first = new HttpRequestMessage(HttpMethod.Get, "1.1/account/verify_credentials.json");
        first.Headers.Authorization = header;
        using var second = new HttpRequestMessage(HttpMethod.Get, "1.1/account/verify_credentials.json");
        second.Headers.Authorization = header;

        Assert.Equal(HttpStatusCode.OK, (await x.Raw.SendAsync(first, Ct)).StatusCode);
        await AssertXErrorAsync(await x.Raw.SendAsync(second, Ct), HttpStatusCode.Unauthorized, 32);
    }

    [Fact]
    public async Task BearerToken_WithWrongSecret_Is99_AndWithoutGrantType_Is170()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SandboxSeed.ConsumerKey}:wrong"));
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var noGrant = new HttpRequestMessage(HttpMethod.Post, "oauth2/token") { Content = new StringContent("") };

        await AssertXErrorAsync(await x.Raw.SendAsync(wrong, Ct), HttpStatusCode.Forbidden, 99);
        await AssertXErrorAsync(await x.Raw.SendAsync(noGrant, Ct), HttpStatusCode.Forbidden, 170);
    }

    [Theory]
    [InlineData("users", "{bad")]
    [InlineData("users", "{\"screen_name\":\"has space\",\"name\":\"X\"}")]
    [InlineData("direct_messages", "{\"sender\":\"jane_doe\"}")]
    [InlineData("tweets", "null")]
    [InlineData("faults", "{\"error_rate\":7}")]
    [InlineData("apps/sandbox-consumer-key", "{\"access\":\"basic\"}")]
    public async Task BadControlRequests_Are400_AndChangeNothing(string path, string body)
    {
        var before = (await x.Control.GetFromJsonAsync<JsonObject>("world", Ct))!.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = path switch
        {
            "faults" => await x.Control.PutAsync(path, content, Ct),
            _ when path.StartsWith("apps/", StringComparison.Ordinal) => await x.Control.PatchAsync(path, content, Ct),
            _ => await x.Control.PostAsync(path, content, Ct),
        };

        await AssertXErrorAsync(response, HttpStatusCode.BadRequest, 38);
        Assert.Equal(before, (await x.Control.GetFromJsonAsync<JsonObject>("world", Ct))!.ToJsonString());
    }

    private static async Task AssertXErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(code, (int)body!["errors"]![0]!["code"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["errors"]![0]!["message"]));
    }

    private HttpRequestMessage Signed(HttpMethod method, string path, KeyValuePair<string, string>[] query, DateTimeOffset? at = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = Header(method, path, query, at ?? DateTimeOffset.UtcNow, OAuthHeader.NewNonce());
        return request;
    }

    private AuthenticationHeaderValue Header(HttpMethod method, string path, KeyValuePair<string, string>[] query, DateTimeOffset at, string nonce) =>
        new(OAuthHeader.Scheme, OAuthHeader.Create(method.Method, new Uri(x.Raw.BaseAddress!, path), query,
            EmulatorHost.SandboxCredentials, nonce, at.ToUnixTimeSeconds()));
}
