using TwitterAddon.Core.Twitter.OAuth;

namespace TwitterAddon.Core.Twitter;

/// <summary>What a request to X carries for the handlers below the client.</summary>
public static class XRequestOptions
{
    /// <summary>Present on user-context calls: <see cref="OAuth1Handler"/> signs the request with them.</summary>
    public static readonly HttpRequestOptionsKey<OAuthCredentials> Credentials = new("X.Credentials");
}
