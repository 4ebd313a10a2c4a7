namespace TwitterAddon.Core.Twitter;

/// <summary>
/// Which avatar addresses from a payload agents' browsers may load: X's own image hosts over https, or a small image
/// inlined as a data URI (what the emulator sends). Anything else (a tracking pixel, a link-local or intranet address)
/// is dropped and the person's initials are shown instead, so a payload cannot make agents' browsers call out.
/// </summary>
public static class XProfileImage
{
    public const int MaxUrlLength = 2048;

    /// <summary>A small avatar inlined in the payload; larger ones are not worth their weight on every inbox row.</summary>
    public const int MaxDataUriLength = 16 * 1024;

    /// <summary>X's image hosts; the pages' Content-Security-Policy allows images from these too.</summary>
    public static readonly IReadOnlyList<string> XImageHosts = ["pbs.twimg.com", "abs.twimg.com"];

    private static readonly string[] InlineImageTypes = ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,", "data:image/webp;base64,", "data:image/svg+xml;base64,"];

    /// <summary>The address when browsers may load it, else null.</summary>
    public static string? Safe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return url.Length <= MaxDataUriLength && InlineImageTypes.Any(t => url.StartsWith(t, StringComparison.OrdinalIgnoreCase)) ? url : null;
        }

        return url.Length <= MaxUrlLength
            && Uri.TryCreate(url, UriKind.Absolute, out var address)
            && address.Scheme == Uri.UriSchemeHttps && address.IsDefaultPort && string.IsNullOrEmpty(address.UserInfo)
            && XImageHosts.Contains(address.IdnHost, StringComparer.OrdinalIgnoreCase)
                ? address.AbsoluteUri
                : null;
    }
}
