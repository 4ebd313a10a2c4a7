namespace TwitterAddon.Core.Twitter.V2;

/// <summary>The X Activity API event types the add-on subscribes the account to (docs.x.com x-api/activity).</summary>
public static class ActivityEvents
{
    public const string DirectMessageReceived = "dm.received";
    public const string DirectMessageSent = "dm.sent";
    public const string Mention = "post.mention.create";
    public const string Reply = "post.reply.create";
    public const string Quote = "post.quote.create";

    /// <summary>The account's own posts: our replies' echoes (delivered), and replies posted from X's own app.</summary>
    public const string OwnPost = "post.create";
    public const string Revoke = "oauth.revoke";

    /// <summary>Customers' DMs and our DMs' echoes; mentions, replies and quotes of the account; its own posts; a revoke.</summary>
    public static IReadOnlyList<string> Subscribed { get; } = [DirectMessageReceived, DirectMessageSent, Mention, Reply, Quote, OwnPost, Revoke];
}
