using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Accounts;

/// <summary>The URL we register with X: <c>{App:PublicBaseUrl}/webhooks/twitter/{webhook key}</c>.</summary>
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

    /// <summary>Why real X would refuse this URL (x-api.md 2: public https, no explicit port); empty when it would not.</summary>
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

        if (WebhookUrl.HasExplicitPort(url, uri))
        {
            reasons.Add("X refuses URLs with a port.");
        }

        if (uri.IsLoopback)
        {
            reasons.Add("X cannot reach localhost.");
        }

        return reasons;
    }

    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
