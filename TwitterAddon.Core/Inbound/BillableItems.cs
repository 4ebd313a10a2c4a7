using TwitterAddon.Core.Usage;

namespace TwitterAddon.Core.Inbound;

/// <summary>Which delivered items X bills (x-api-v2.md 1.4): a customer's DM and every post event; not the account's own DMs, typing or read receipts.</summary>
internal static class BillableItems
{
    public static void Count(UsageLedger usage, InboundItem item, string accountUserId)
    {
        switch (item)
        {
            case DirectMessageItem dm when dm.SenderId != accountUserId:
                usage.Count(UsageKind.DirectMessageReceived, dm.EventId, dm.At);
                break;
            case TweetItem tweet:
                usage.Count(tweet.Author.Id == accountUserId ? UsageKind.OwnPostReceived : UsageKind.MentionReceived, tweet.TweetId, tweet.At);
                break;
        }
    }
}
