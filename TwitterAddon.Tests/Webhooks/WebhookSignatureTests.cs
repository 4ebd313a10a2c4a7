using System.Text;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Tests.Webhooks;

/// <summary>x-api.md section T: CRC and delivery signature vectors.</summary>
public sealed class WebhookSignatureTests
{
    private const string DocSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";

    [Theory]
    [InlineData(DocSecret, "foo", "sha256=KGwPHQJPaVoxk5RWMCZXvu7ppQqe20ugPzzV9ed1O3o=")]
    [InlineData("consumer_secret", "crc_token_value", "sha256=fjWHvqibQE5TlTy7oxQHx4miKlsumjStzrgZsaEU8vQ=")]
    public void CrcResponseToken_MatchesThePublishedVector(string secret, string token, string expected) =>
        Assert.Equal(expected, WebhookSignature.CrcResponseToken(secret, token));

    [Fact]
    public void DeliverySignature_MatchesThePublishedVector()
    {
        var body = Encoding.UTF8.GetBytes("{\"for_user_id\":\"2244994945\",\"tweet_create_events\":[]}");

        Assert.Equal("sha256=22bi7DJzrSjpLAHZDniTUy2K/d2eXkPktHASQUWA/eg=", WebhookSignature.Sign(DocSecret, body));
        Assert.Equal(WebhookSignatureCheck.Valid, WebhookSignature.Verify(DocSecret, body, "sha256=22bi7DJzrSjpLAHZDniTUy2K/d2eXkPktHASQUWA/eg="));
    }

    [Theory]
    [InlineData(null, WebhookSignatureCheck.Missing)]
    [InlineData("", WebhookSignatureCheck.Missing)]
    [InlineData("sha1=abc", WebhookSignatureCheck.Malformed)]
    [InlineData("sha256=22bi7DJzrSjpLAHZDniTUy2K/d2eXkPktHASQUWA/eh=", WebhookSignatureCheck.Mismatch)]
    public void Verify_NamesWhatIsWrong(string? header, WebhookSignatureCheck expected)
    {
        var body = Encoding.UTF8.GetBytes("{\"for_user_id\":\"2244994945\",\"tweet_create_events\":[]}");

        Assert.Equal(expected, WebhookSignature.Verify(DocSecret, body, header));
    }
}
