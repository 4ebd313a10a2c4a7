namespace TwitterAddon.Core.Accounts;

/// <summary>What Detail Account shows: everything about the connection except the secrets.</summary>
public sealed record AccountSummary(
    string UserId,
    string ScreenName,
    string Name,
    string? ProfileImageUrl,
    AccountTier Tier,
    string EnvLabel,
    string ConsumerKey,
    string WebhookUrl,
    string? WebhookId,
    bool WebhookValid,
    bool SubscriptionActive,
    bool AccessRevoked,
    DateTimeOffset ConnectedAt,
    DateTimeOffset? LastCrcAt,
    DateTimeOffset? LastEventAt,
    DateTimeOffset? LastCheckedAt,
    string? SendingStoppedReason)
{
    public static AccountSummary Of(XAccount a) => new(
        a.UserId, a.ScreenName, a.Name, a.ProfileImageUrl, a.Tier, a.EnvLabel, a.ConsumerKey, a.WebhookUrl, a.WebhookId,
        a.WebhookValid, a.SubscriptionActive, a.AccessRevoked, a.ConnectedAt, a.LastCrcAt, a.LastEventAt, a.LastCheckedAt, a.SendingStoppedReason);

    /// <summary>False when X has stopped (or will stop) delivering events, and why is shown on the page.</summary>
    public bool Receiving => WebhookValid && SubscriptionActive && !AccessRevoked;
}
