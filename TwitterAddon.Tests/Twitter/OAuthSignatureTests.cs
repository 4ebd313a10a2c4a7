using TwitterAddon.Core.Twitter.OAuth;

namespace TwitterAddon.Tests.Twitter;

/// <summary>The published vectors of x-api.md section T (docs' sample credentials, nonce and timestamp).</summary>
public sealed class OAuthSignatureTests
{
    private static readonly OAuthCredentials DocCredentials = new(
        "xvz1evFS4wEEPTGEFPHBog",
        "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

    private const string Nonce = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg";
    private const long Timestamp = 1318622958;

    public static TheoryData<string, string, string[], string> Vectors => new()
    {
        {
            "POST", "https://api.twitter.com/1.1/statuses/update.json",
            ["include_entities", "true", "status", "Hello Ladies + Gentlemen, a signed OAuth request!"],
            "hCtSmYh+iHYCEqBWrE7C7hYmtUk="
        },
        {
            "POST", "https://api.x.com/1.1/statuses/update.json",
            ["include_entities", "true", "status", "Hello Ladies + Gentlemen, a signed OAuth request!"],
            "Ls93hJiZbQ3akF3HF3x1Bz8/zU4="
        },
        { "POST", "https://api.twitter.com/1.1/direct_messages/events/new.json", [], "7z+nKFSiTmLyKcVzjswQcU+GwWY=" },
        {
            "POST", "https://api.twitter.com/1.1/account_activity/all/dev/webhooks.json",
            ["url", "https://example.com/webhooks/twitter"], "YutII0DN00s3UYMBRVXHEoKFzcg="
        },
        { "GET", "https://api.twitter.com/1.1/account/verify_credentials.json", ["skip_status", "true"], "RPih4bRkn3H2EuO4SlYdjvhalv0=" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Header_CarriesThePublishedSignature(string method, string url, string[] pairs, string expected)
    {
        var parameters = Enumerable.Range(0, pairs.Length / 2).Select(i => new KeyValuePair<string, string>(pairs[2 * i], pairs[(2 * i) + 1]));

        var header = OAuthHeader.Create(method, new Uri(url), parameters, DocCredentials, Nonce, Timestamp);

        Assert.Equal(expected, OAuthHeader.Parse(header)!["oauth_signature"]);
        Assert.Contains($"oauth_signature=\"{Uri.EscapeDataString(expected)}\"", header);
    }

    [Fact]
    public void BaseString_ForAJsonBodiedPost_SignsOnlyTheProtocolParameters()
    {
        var protocol = new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = DocCredentials.ConsumerKey, ["oauth_nonce"] = Nonce,
            ["oauth_signature_method"] = "HMAC-SHA1", ["oauth_timestamp"] = "1318622958",
            ["oauth_token"] = DocCredentials.AccessToken, ["oauth_version"] = "1.0",
        };

        var baseString = OAuthSignature.BaseString("POST", new Uri("https://api.twitter.com/1.1/direct_messages/events/new.json"), protocol);

        Assert.Equal(
            "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fdirect_messages%2Fevents%2Fnew.json&oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0",
            baseString);
    }

    [Theory]
    [InlineData("!*'()", "%21%2A%27%28%29")]
    [InlineData("Hello Ladies + Gentlemen, a signed OAuth request!", "Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21")]
    [InlineData("Dogs, Cats & Mice", "Dogs%2C%20Cats%20%26%20Mice")]
    [InlineData("☃", "%E2%98%83")]
    [InlineData("a-b.c_d~e", "a-b.c_d~e")]
    public void Encode_FollowsRfc3986(string raw, string encoded) => Assert.Equal(encoded, OAuthSignature.Encode(raw));

    [Fact]
    public void BaseUrl_KeepsANonDefaultPort_AndDropsTheQuery()
    {
        Assert.Equal("http://localhost:5080/emulator/x/1.1/a.json", OAuthSignature.BaseUrl(new Uri("HTTP://LocalHost:5080/emulator/x/1.1/a.json?x=1")));
        Assert.Equal("https://api.x.com/1.1/a.json", OAuthSignature.BaseUrl(new Uri("https://api.x.com:443/1.1/a.json")));
    }

    [Fact]
    public void Parse_RefusesSomethingThatIsNotAnOAuthHeader() => Assert.Null(OAuthHeader.Parse("garbage without pairs"));
}
