namespace TwitterAddon.Web.Components.Common;

/// <summary>Only a path on this site may follow sign-in; anything else would make us an open redirect.</summary>
public static class LocalReturnUrl
{
    public static string From(string? returnUrl) =>
        returnUrl is { Length: > 0 }
        && returnUrl[0] == '/'
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
            ? returnUrl
            : "/";
}
