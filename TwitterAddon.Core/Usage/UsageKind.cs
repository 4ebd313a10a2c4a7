namespace TwitterAddon.Core.Usage;

/// <summary>What X bills the account for, as the Usage page counts it (x-api-v2.md 1.4).</summary>
public enum UsageKind
{
    /// <summary>A customer's DM delivered to us (<c>dm.received</c>); the account's own <c>dm.sent</c> echoes are free.</summary>
    DirectMessageReceived,

    /// <summary>A customer's post delivered to us: a mention, a reply, a quote or a repost, each billed as a post.</summary>
    MentionReceived,

    /// <summary>The account's own post delivered back (<c>post.create</c>): also billed as a post.</summary>
    OwnPostReceived,

    /// <summary>A DM reply the outbox sent.</summary>
    DirectMessageReplySent,

    /// <summary>A mention reply without a link: a summoned reply.</summary>
    MentionReplySent,

    /// <summary>A mention reply carrying a link (the DM deep link or the agent's own).</summary>
    MentionReplyWithLinkSent,
}

public static class UsageKinds
{
    public static IReadOnlyList<UsageKind> All { get; } = Enum.GetValues<UsageKind>();

    public static string Label(this UsageKind kind) => kind switch
    {
        UsageKind.DirectMessageReceived => "DMs in",
        UsageKind.MentionReceived => "Mentions in",
        UsageKind.OwnPostReceived => "Own posts delivered back",
        UsageKind.DirectMessageReplySent => "DM replies",
        UsageKind.MentionReplySent => "Mention replies",
        _ => "Mention replies with a link",
    };
}
