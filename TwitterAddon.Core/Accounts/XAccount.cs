namespace TwitterAddon.Core.Accounts;

/// <summary>
/// The connected X account with its app's keys. The three secrets are stored encrypted (Data Protection);
/// <see cref="WebhookKey"/> is the opaque id in our webhook URL that tells which app X is calling for.
/// </summary>
public sealed class XAccount
{
    public int Id { get; set; }

    public required string WebhookKey { get; set; }

    public required string ConsumerKey { get; set; }

    public required string ProtectedConsumerSecret { get; set; }

    public required string ProtectedAccessToken { get; set; }

    public required string ProtectedAccessTokenSecret { get; set; }

    public required string EnvLabel { get; set; }

    /// <summary>
    /// v2: the label a move is re-tagging the subscriptions to. X may deliver under it before the move is saved
    /// (or after a move that failed half-way), so its events are ours too.
    /// </summary>
    public string? MovingToEnvLabel { get; private set; }

    /// <summary>v2: the label before the last move; events X tagged with it may still be queued here.</summary>
    public string? PreviousEnvLabel { get; private set; }

    public AccountTier Tier { get; set; }

    public required string UserId { get; set; }

    public required string ScreenName { get; set; }

    public required string Name { get; set; }

    public string? ProfileImageUrl { get; set; }

    public string? WebhookId { get; set; }

    public required string WebhookUrl { get; set; }

    public bool WebhookValid { get; set; }

    /// <summary>
    /// X no longer has our webhook (deleted at X, or X lost it): re-validating cannot help; Register again puts it
    /// back with the stored keys.
    /// </summary>
    public bool WebhookGone { get; private set; }

    public bool SubscriptionActive { get; set; }

    /// <summary>Set when X tells us (user_event revoke) or answers 89: the admin must reconnect.</summary>
    public bool AccessRevoked { get; set; }

    /// <summary>
    /// Set when X answers a send with 326 (account locked) or 89 (token revoked): the outbox stops for this
    /// account, replies wait queued, and the Setup page says why until an admin resumes sending.
    /// </summary>
    public string? SendingStoppedReason { get; private set; }

    /// <summary>The stop is the monthly budget's (<see cref="PauseSendingForBudget"/>), not X's.</summary>
    public bool SendingPausedForBudget { get; private set; }

    /// <summary>
    /// What X last said it provisions the developer account for (its subscription count); compared with the Tier as it
    /// is now (<see cref="AccountTiers.DisagreesWith"/>), so a changed Tier never shows an old warning.
    /// </summary>
    public int? ProvisionedSubscriptions { get; private set; }

    public DateTimeOffset ConnectedAt { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>v2: a stretch of time X may have delivered events we did not get, waiting to be replayed.</summary>
    public DateTimeOffset? ReplayFrom { get; private set; }

    public DateTimeOffset? ReplayTo { get; private set; }

    /// <summary>What the last replay came to, for the Setup page.</summary>
    public string? ReplayNote { get; private set; }

    public DateTimeOffset? ReplayNoteAt { get; private set; }

    /// <summary>The stretch the note speaks of, kept as times so the page shows it in the viewer's time zone.</summary>
    public DateTimeOffset? ReplayNoteFrom { get; private set; }

    public DateTimeOffset? ReplayNoteTo { get; private set; }

    /// <summary>Events between the two times may be missing (the host was down, or X held the webhook invalid): ask X to replay them.</summary>
    public void MissedEventsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return;
        }

        ReplayFrom = ReplayFrom is { } earlier && earlier < from ? earlier : from;
        ReplayTo = ReplayTo is { } later && later > to ? later : to;
    }

    /// <summary>X took the replay of <paramref name="from"/>-<paramref name="to"/> (<paramref name="done"/>), or refused or could not take it yet; the note says which.</summary>
    public void ReplayAnswered(bool done, string note, DateTimeOffset from, DateTimeOffset to, DateTimeOffset at)
    {
        if (done)
        {
            (ReplayFrom, ReplayTo) = (null, null);
        }

        (ReplayNote, ReplayNoteAt, ReplayNoteFrom, ReplayNoteTo) = (note, at, from, to);
    }

    /// <summary>
    /// Whether an event X tagged with <paramref name="tag"/> is this install's: one X app may serve several installs
    /// (staging, production), each subscribed under its own Env Label.
    /// </summary>
    public bool TakesEventsTagged(string tag) =>
        tag == EnvLabel || tag == MovingToEnvLabel || tag == PreviousEnvLabel;

    /// <summary>A move to <paramref name="envLabel"/> is about to change the subscriptions at X.</summary>
    public void BeginMoveTo(string envLabel) => MovingToEnvLabel = envLabel == EnvLabel ? null : envLabel;

    /// <summary>Events now come through <paramref name="webhookId"/> for <paramref name="envLabel"/>, on the tier's API.</summary>
    public void MoveTo(AccountTier tier, string envLabel, string webhookId, DateTimeOffset at)
    {
        if (envLabel != EnvLabel)
        {
            PreviousEnvLabel = EnvLabel;
        }

        MovingToEnvLabel = null;
        (Tier, EnvLabel, WebhookId) = (tier, envLabel, webhookId);
        (WebhookValid, WebhookGone, SubscriptionActive, LastCheckedAt) = (true, false, true, at);
    }

    /// <summary>X was asked what it provisions the developer account for.</summary>
    public void TierCheckedWithX(int provisionedSubscriptions, DateTimeOffset at) =>
        (ProvisionedSubscriptions, LastCheckedAt) = (provisionedSubscriptions, at);

    /// <summary>X listed the webhook: <paramref name="valid"/> says whether it passed its last CRC.</summary>
    public void WebhookSeen(bool valid) => (WebhookValid, WebhookGone) = (valid, false);

    /// <summary>X's list of webhooks no longer has ours.</summary>
    public void WebhookMissing() => (WebhookValid, WebhookGone) = (false, true);

    /// <summary>Registered again at <paramref name="url"/> and subscribed: X delivers again.</summary>
    public void RegisteredAgain(string webhookId, string url, DateTimeOffset at) =>
        (WebhookId, WebhookUrl, WebhookValid, WebhookGone, SubscriptionActive, LastCheckedAt) = (webhookId, url, true, false, true, at);

    /// <summary>The user took the app's access away on X: X already deleted the subscription; the admin must reconnect.</summary>
    public void Revoke() => (AccessRevoked, SubscriptionActive) = (true, false);

    public void StopSending(string reason) => (SendingStoppedReason, SendingPausedForBudget) = (reason, false);

    /// <summary>The monthly budget is spent (Usage): stopped like 326, but lifted by itself when the budget allows again. False when already stopped.</summary>
    public bool PauseSendingForBudget(string reason)
    {
        if (SendingStoppedReason is not null)
        {
            return false;
        }

        (SendingStoppedReason, SendingPausedForBudget) = (reason, true);
        return true;
    }

    /// <summary>False when sending was not stopped.</summary>
    public bool ResumeSending()
    {
        var wasStopped = SendingStoppedReason is not null;
        (SendingStoppedReason, SendingPausedForBudget) = (null, false);
        return wasStopped;
    }
}
