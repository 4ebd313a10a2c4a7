using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.EmulatorV2;

/// <summary><c>GET /2/users</c> against the emulated X: users by id, a partial answer for ids X does not know.</summary>
public sealed class V2UserLookupTests : IAsyncLifetime
{
    private static readonly OAuthCredentials Keys = EmulatorHost.SandboxCredentials;
    private EmulatorHost x = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => x = await EmulatorHost.StartAsync();

    public ValueTask DisposeAsync() => x.DisposeAsync();

    [Fact]
    public async Task KnownIds_ComeBackWithTheirProfiles_AndAnUnknownOneIsLeftOut()
    {
        var users = await x.ClientV2.GetUsersAsync(Keys, ["1000000002", "1000000003", "4242424242"], Ct);

        Assert.Equal(
            [("1000000002", "jane_doe", "Jane Doe"), ("1000000003", "budi_santoso", "Budi Santoso")],
            users.Select(u => (u.IdStr, u.ScreenName, u.Name)).OrderBy(u => u.IdStr));
        Assert.All(users, u => Assert.False(string.IsNullOrEmpty(u.ProfileImageUrlHttps)));
    }

    [Fact]
    public async Task AnUnknownId_IsNamedInErrors_WithXsNotFoundProblem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "2/users?ids=4242424242");
        request.Headers.Authorization = Header(HttpMethod.Get, "2/users", [new("ids", "4242424242")]);

        using var response = await x.Raw.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Null(body["data"]);
        var error = body["errors"]![0]!;
        Assert.Equal(("4242424242", "https://api.twitter.com/2/problems/resource-not-found"), ((string?)error["resource_id"], (string?)error["type"]));
    }

    [Fact]
    public async Task MoreThanAHundredIds_AreRefused_AsAnInvalidParameter()
    {
        var ids = Enumerable.Range(0, 101).Select(i => (1000000002L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var refused = await Assert.ThrowsAsync<XApiException>(() => x.ClientV2.GetUsersAsync(Keys, ids, Ct));

        Assert.Equal(400, refused.HttpStatus);
        Assert.Contains("ids", refused.Said);
    }

    private AuthenticationHeaderValue Header(HttpMethod method, string path, KeyValuePair<string, string>[] query) =>
        new(OAuthHeader.Scheme, OAuthHeader.Create(method.Method, new Uri(x.Raw.BaseAddress!, path), query,
            Keys, OAuthHeader.NewNonce(), DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
}
