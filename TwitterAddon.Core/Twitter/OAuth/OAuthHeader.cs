using System.Security.Cryptography;

namespace TwitterAddon.Core.Twitter.OAuth;

/// <summary>Builds and parses the <c>Authorization: OAuth ...</c> header.</summary>
public static class OAuthHeader
{
    public const string Scheme = "OAuth";

    /// <summary>The header value for one request; nonce and timestamp are fresh for every send.</summary>
    public static string Create(
        string httpMethod, Uri url, IEnumerable<KeyValuePair<string, string>> requestParameters,
        OAuthCredentials credentials, string nonce, long timestamp)
    {
        var protocol = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", credentials.ConsumerKey),
            new("oauth_nonce", nonce),
            new("oauth_signature_method", OAuthSignature.Method),
            new("oauth_timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("oauth_token", credentials.AccessToken),
            new("oauth_version", OAuthSignature.Version),
        };
        var signature = OAuthSignature.Compute(
            httpMethod, url, requestParameters.Concat(protocol), credentials.ConsumerSecret, credentials.AccessTokenSecret);
        protocol.Add(new("oauth_signature", signature));
        return string.Join(", ", protocol.Select(p => $"{OAuthSignature.Encode(p.Key)}=\"{OAuthSignature.Encode(p.Value)}\""));
    }

    /// <summary>32 random bytes, base64 without the non-word characters, as X's docs suggest.</summary>
    public static string NewNonce() =>
        new string(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>The oauth_* pairs of a header value (without "OAuth "), decoded; null when it is not an OAuth header.</summary>
    public static IReadOnlyDictionary<string, string>? Parse(string parameter)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parameter.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            var value = part[(equals + 1)..].Trim();
            if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
            {
                return null;
            }

            result[Uri.UnescapeDataString(part[..equals])] = Uri.UnescapeDataString(value[1..^1]);
        }

        return result;
    }
}
