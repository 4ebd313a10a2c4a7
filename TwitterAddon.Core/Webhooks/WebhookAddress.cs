using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// The URL we register with X, <c>{App:PublicBaseUrl}/webhooks/twitter/{webhook key}</c>, and X's rules for
/// webhook URLs (x-api.md 2: public https, no explicit port), shared by Setup's warnings and the emulator.
/// </summary>
public sealed class WebhookAddress(IOptions<PublicAddressOptions> options)
{
    public const string PathPrefix = "/webhooks/twitter/";

    public string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public string For(string webhookKey) => BaseUrl + PathPrefix + webhookKey;

    /// <summary>The webhook key in a URL of ours (same base), or null for someone else's webhook.</summary>
    public string? KeyOf(string url) =>
        url.StartsWith(BaseUrl + PathPrefix, StringComparison.OrdinalIgnoreCase) && url[(BaseUrl + PathPrefix).Length..] is { Length: > 0 } key
        && key.All(char.IsAsciiLetterOrDigit)
            ? key
            : null;

    /// <summary>Why real X would refuse this URL; empty when it would not.</summary>
    public static IReadOnlyList<string> WhyXWouldReject(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return ["It is not an absolute URL."];
        }

        var reasons = new List<string>();
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            reasons.Add("X only calls https URLs.");
        }

        if (HasExplicitPort(url, uri))
        {
            reasons.Add("X refuses URLs with a port.");
        }

        if (uri.IsLoopback)
        {
            reasons.Add("X cannot reach localhost.");
        }

        return reasons;
    }

    /// <summary>"https://host:443/x" has one too: X refuses any port written in the URL, default or not.</summary>
    public static bool HasExplicitPort(string url, Uri uri) =>
        url[(uri.Scheme.Length + 3)..].Split('/', '?', '#')[0].Contains(':', StringComparison.Ordinal);

    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
