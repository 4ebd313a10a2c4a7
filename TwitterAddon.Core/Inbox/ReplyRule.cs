using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// X's reply rule on self-serve access (since 2026-02-23, x-api-v2.md 1.4): a reply is allowed only to a post whose
/// author mentioned the account in their own words or quoted it. A mention reply answers the customer's latest post,
/// so that post decides; the composer says so before the agent writes, and Send refuses it.
/// </summary>
public static class ReplyRule
{
    /// <summary>
    /// The post a reply in <paramref name="conversation"/> would answer (a mention thread's latest customer post; none
    /// for a DM), and why X would refuse that reply, or null when it qualifies (or is not known not to).
    /// </summary>
    public static async Task<(Message? Answers, string? Refusal)> CheckAsync(
        TwitterAddonDbContext db, Conversation conversation, XAccount account, CancellationToken cancellationToken)
    {
        if (conversation.Kind != ChannelKind.Mention)
        {
            return (null, null);
        }

        var latest = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Inbound && m.XId != null)
            .OrderByDescending(m => m.At).ThenByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        return (latest, RefusalFor(conversation, account, latest?.SummonsAccount));
    }

    /// <summary>
    /// Why X would refuse a reply in a mention thread whose latest customer post summons the account or not
    /// (<paramref name="latestSummons"/>, null when unknown), or null when it qualifies.
    /// </summary>
    public static string? RefusalFor(Conversation conversation, XAccount account, bool? latestSummons) =>
        conversation.Kind == ChannelKind.Mention && account.Tier.HasReplyRule() && latestSummons == false
            ? $"X will not take a reply here: @{conversation.Contact.ScreenName}'s latest post neither mentions nor quotes @{account.ScreenName}, and on " +
              "Pay-per-use X allows replies only to posts that do. Answer when they mention the account again, or by DM if they write one."
            : null;
}
