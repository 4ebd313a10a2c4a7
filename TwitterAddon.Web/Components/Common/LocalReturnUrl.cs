namespace TwitterAddon.Web.Components.Common;

/// <summary>Only a path on this site may follow sign-in; anything else would make us an open redirect.</summary>
public static class LocalReturnUrl
{
    private static readonly Uri Here = new("http://portal.invalid/");

    /// <summary>
    /// The path, query and fragment of <paramref name="returnUrl"/> when it stays on this site, percent-encoded (a
    /// Location header takes ASCII only); "/" otherwise.
    /// </summary>
    public static string From(string? returnUrl) =>
        returnUrl is { Length: > 0 }
        && returnUrl[0] == '/'
        && Uri.TryCreate(Here, returnUrl, out var target)
        && target.Scheme == Here.Scheme && target.Authority == Here.Authority
        && target.PathAndQuery + target.Fragment is var local
        // Checked on the result (a "//host" or "/\host" input already fails the authority check above): dot segments
        // ("/.//evil.example") collapse into a protocol-relative "//evil.example".
        && !local.StartsWith("//", StringComparison.Ordinal) && !local.StartsWith("/\\", StringComparison.Ordinal)
            ? local
            : "/";
}
