namespace TwitterAddon.Emulator.World;

/// <summary>What X API v2 access allows, as docs.x.com states it (x-api-v2.md 1.4).</summary>
public static class V2Limits
{
    /// <summary>"The webhook limit is set at the account level": one on Pay-per-use, five and more on Enterprise.</summary>
    public static int Webhooks(V2Access access) => access == V2Access.PayPerUse ? 1 : 5;

    /// <summary>Account Activity subscriptions: "Pay Per Use 3 subscriptions; Enterprise 5000+".</summary>
    public static int AccountActivitySubscriptions(V2Access access) => access == V2Access.PayPerUse ? 3 : 5_000;

    public static int ActivitySubscriptions(V2Access access) => access == V2Access.PayPerUse ? 1_500 : 75_000;

    /// <summary>Since 2026-02-23 self-serve replies only answer posts that mention (or quote) the replier.</summary>
    public static bool HasReplyRule(V2Access access) => access == V2Access.PayPerUse;

    /// <summary>The X Activity API event types the emulator knows; private ones need the user's own token.</summary>
    public static readonly string[] EventTypes =
        ["dm.received", "dm.sent", "post.create", "post.mention.create", "post.reply.create", "post.quote.create", "oauth.revoke"];
}
