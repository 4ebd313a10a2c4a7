using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// The emulator's control API (README "Control API") as a test speaks it: customers acting on X, the answers X is
/// told to give, and what the account sent there. Raw calls for bad input go through the <see cref="HttpClient"/>.
/// </summary>
public sealed class EmulatorControl(HttpClient control)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A customer's DM on the emulated X (not yet delivered); returns X's DM event.</summary>
    public async Task<JsonObject> CustomerDmAsync(string sender, string text)
    {
        using var response = await control.PostAsJsonAsync("direct_messages", new { sender, text }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    /// <summary>A customer's tweet on the emulated X (not yet delivered); returns its id.</summary>
    public async Task<string> CustomerTweetAsync(string author, string text, string? inReplyTo = null, string? quoted = null)
    {
        using var response = await control.PostAsJsonAsync("tweets", new { author, text, in_reply_to_status_id = inReplyTo, quoted_status_id = quoted }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id_str"]!.GetValue<string>();
    }

    /// <summary>Someone new signs up on the emulated X; returns their id.</summary>
    public async Task<string> NewCustomerAsync(string screenName, string name)
    {
        using var response = await control.PostAsJsonAsync("users", new { screen_name = screenName, name }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id_str"]!.GetValue<string>();
    }

    /// <summary>How many deliveries X made so far, accepted or not.</summary>
    public async Task<int> DeliveryAttemptsAsync() => (await control.GetFromJsonAsync<List<JsonObject>>("deliveries", Ct))!.Count;

    public async Task SetFaultsAsync(object plan) => (await control.PutAsJsonAsync("faults", plan, Ct)).EnsureSuccessStatusCode();

    /// <summary>The next calls to X get these answers, in order (see <see cref="XAnswers"/>).</summary>
    public Task ScriptAsync(params object[] answers) => SetFaultsAsync(new { script = answers });

    /// <summary>What the developer account bought at X for an app: <c>pay_per_use</c> or <c>enterprise</c>.</summary>
    public async Task SetAppAccessAsync(string app, string access) =>
        (await control.PatchAsJsonAsync($"apps/{app}", new { access }, Ct)).EnsureSuccessStatusCode();

    /// <summary>What the account sent on the emulated X: DM texts and tweets.</summary>
    public async Task<(List<JsonNode> DirectMessages, List<JsonNode> Tweets)> SentOnXAsync()
    {
        var sent = (await control.GetFromJsonAsync<JsonObject>("sent", Ct))!;
        return ([.. sent["direct_messages"]!.AsArray().Select(n => n!)], [.. sent["tweets"]!.AsArray().Select(n => n!)]);
    }
}
