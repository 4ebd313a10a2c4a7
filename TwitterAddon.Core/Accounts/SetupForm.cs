namespace TwitterAddon.Core.Accounts;

/// <summary>The Begin Setup form, with the labels of X's developer portal.</summary>
public sealed class SetupForm
{
    public string ApiKey { get; set; } = "";

    public string ApiKeySecret { get; set; } = "";

    public string AccessToken { get; set; } = "";

    public string AccessTokenSecret { get; set; } = "";

    public string EnvLabel { get; set; } = "";

    /// <summary>What a brand signing up at X today has.</summary>
    public AccountTier Tier { get; set; } = AccountTier.PayPerUse;

    public Twitter.OAuth.OAuthCredentials Credentials() =>
        new(ApiKey.Trim(), ApiKeySecret.Trim(), AccessToken.Trim(), AccessTokenSecret.Trim());
}
