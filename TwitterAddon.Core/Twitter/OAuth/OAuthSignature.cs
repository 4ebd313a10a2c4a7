using System.Security.Cryptography;
using System.Text;

namespace TwitterAddon.Core.Twitter.OAuth;

/// <summary>
/// OAuth 1.0a HMAC-SHA1 as X defines it (docs.x.com "Creating a signature"): the client signs with it and
/// the emulator verifies with it. Parameters are raw (decoded) values; a JSON body is never signed.
/// </summary>
public static class OAuthSignature
{
    public const string Method = "HMAC-SHA1";
    public const string Version = "1.0";

    /// <summary>RFC 3986: only A-Z a-z 0-9 - . _ ~ stay; upper-case hex; space is %20. Uri.EscapeDataString is exactly that.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary>Scheme, host, non-default port and path, lower-cased where RFC 5849 says so, without the query.</summary>
    public static string BaseUrl(Uri url)
    {
        var port = url.IsDefaultPort ? "" : $":{url.Port}";
        return $"{url.Scheme.ToLowerInvariant()}://{url.Host.ToLowerInvariant()}{port}{url.AbsolutePath}";
    }

    public static string BaseString(string httpMethod, Uri url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var parameterString = string.Join("&", parameters
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        return $"{httpMethod.ToUpperInvariant()}&{Encode(BaseUrl(url))}&{Encode(parameterString)}";
    }

    /// <summary>
    /// The signature over the request and the protocol parameters (<paramref name="parameters"/> holds both the
    /// request's query/form parameters and the oauth_* ones, without oauth_signature).
    /// </summary>
    public static string Compute(
        string httpMethod, Uri url, IEnumerable<KeyValuePair<string, string>> parameters,
        string consumerSecret, string? tokenSecret)
    {
        var key = Encoding.ASCII.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret ?? "")}");
        var data = Encoding.ASCII.GetBytes(BaseString(httpMethod, url, parameters));
#pragma warning disable CA5350 // HMAC-SHA1 is what OAuth 1.0a at X requires; it is not our choice to make.
        return Convert.ToBase64String(HMACSHA1.HashData(key, data));
#pragma warning restore CA5350
    }

    /// <summary>Constant-time comparison of two signatures, so a mismatch reveals nothing about the right one.</summary>
    public static bool AreEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
