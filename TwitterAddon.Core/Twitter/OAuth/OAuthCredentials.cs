namespace TwitterAddon.Core.Twitter.OAuth;

/// <summary>The four keys of the Begin Setup form: the app's pair and the account's access token pair.</summary>
public sealed record OAuthCredentials(string ConsumerKey, string ConsumerSecret, string AccessToken, string AccessTokenSecret)
{
    // Secrets never reach a log line through a record's generated ToString.
    public override string ToString() => $"OAuthCredentials {{ ConsumerKey = {ConsumerKey}, AccessToken = {AccessToken} }}";
}
