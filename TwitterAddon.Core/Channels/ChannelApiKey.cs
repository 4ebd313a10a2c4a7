using System.Security.Cryptography;
using System.Text;

namespace TwitterAddon.Core.Channels;

/// <summary>The key an intermediary service presents as a bearer token; only its SHA-256 is stored.</summary>
public static class ChannelApiKey
{
    public static string New() =>
        "ta_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(hash));
}
