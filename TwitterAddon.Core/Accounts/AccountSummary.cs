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
    string? SendingStoppedReason,
    string? ReplayNote = null,
    DateTimeOffset? ReplayNoteAt = null,
    bool WebhookGone = false,
    string? TierNote = null,
    bool SendingPausedForBudget = false,
    DateTimeOffset? ReplayNoteFrom = null,
    DateTimeOffset? ReplayNoteTo = null)
{
    /// <param name="lastCrcAt">When X last checked the webhook (the Webhooks feature records it).</param>
    /// <param name="lastEventAt">When X last delivered an event to it.</param>
    public static AccountSummary Of(XAccount a, DateTimeOffset? lastCrcAt, DateTimeOffset? lastEventAt) => new(
        a.UserId, a.ScreenName, a.Name, a.ProfileImageUrl, a.Tier, a.EnvLabel, a.ConsumerKey, a.WebhookUrl, a.WebhookId,
        a.WebhookValid, a.SubscriptionActive, a.AccessRevoked, a.ConnectedAt, lastCrcAt, lastEventAt, a.LastCheckedAt, a.SendingStoppedReason,
        a.ReplayNote, a.ReplayNoteAt, a.WebhookGone, a.ProvisionedSubscriptions is { } provisioned ? a.Tier.DisagreesWith(provisioned) : null,
        a.SendingPausedForBudget, a.ReplayNoteFrom, a.ReplayNoteTo);

    /// <summary>False when X has stopped (or will stop) delivering events, and why is shown on the page.</summary>
    public bool Receiving => WebhookValid && SubscriptionActive && !AccessRevoked;

    /// <summary>Why X does not deliver, in the words the Setup page shows; null while it does.</summary>
    public string? WhyNotReceiving =>
        Receiving ? null
        : AccessRevoked ? "X says the access was revoked: the account owner removed the app's access. Reconnect with new tokens."
        : WebhookGone ? XErrorMessages.WebhookGone
        : !WebhookValid ? "X marked the webhook invalid after a failed CRC and delivers nothing. Re-validate it in Detail Account once this host answers "
            + "at its address, or press Register again: that also moves the webhook to this host's address when App:PublicBaseUrl changed."
        : XErrorMessages.SubscriptionGone;

    /// <summary>X lost the webhook or the subscription, or holds it invalid, while the keys still work: Register again is a way back.</summary>
    public bool CanRegisterAgain => !AccessRevoked && !Receiving;
}
