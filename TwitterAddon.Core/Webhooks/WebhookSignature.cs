using System.Security.Cryptography;
using System.Text;

namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// X's webhook HMAC (docs.x.com "Securing webhooks"): <c>sha256=Base64(HMAC-SHA256(consumer secret, message))</c>.
/// The message is the crc_token for the CRC answer, and the raw body bytes for an event delivery.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "x-twitter-webhooks-signature";
    private const string Prefix = "sha256=";

    public static string Sign(string consumerSecret, ReadOnlySpan<byte> message) =>
        Prefix + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret), message));

    /// <summary>The <c>response_token</c> value X expects in answer to a CRC GET.</summary>
    public static string CrcResponseToken(string consumerSecret, string crcToken) =>
        Sign(consumerSecret, Encoding.UTF8.GetBytes(crcToken));

    public static WebhookSignatureCheck Verify(string consumerSecret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return WebhookSignatureCheck.Missing;
        }

        if (!header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return WebhookSignatureCheck.Malformed;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(consumerSecret, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header))
            ? WebhookSignatureCheck.Valid
            : WebhookSignatureCheck.Mismatch;
    }
}
