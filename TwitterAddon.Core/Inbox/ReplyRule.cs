using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// X's reply rule on self-serve access (since 2026-02-23, x-api-v2.md 1.4): a reply is allowed only to a post whose
/// author mentioned the account in their own words or quoted it. A mention reply answers the customer's latest post,
/// so that post decides; the composer says so before the agent writes, and Send refuses it.
/// </summary>
public static class ReplyRule
{
    /// <summary>The customer's latest post in the thread, which a reply would answer.</summary>
    public static Task<Message?> LatestCustomerPostAsync(TwitterAddonDbContext db, int conversationId, CancellationToken cancellationToken) =>
        db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Inbound && m.XId != null)
            .OrderByDescending(m => m.At).ThenByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Why X would refuse a reply to <paramref name="post"/>, or null when it qualifies (or is not known not to).</summary>
    public static string? Note(Message? post, string customerScreenName, string accountScreenName) =>
        post?.SummonsAccount == false
            ? $"X will not take a reply here: @{customerScreenName}'s latest post neither mentions nor quotes @{accountScreenName}, and on " +
              "Pay-per-use X allows replies only to posts that do. Answer when they mention the account again, or by DM if they write one."
            : null;
}
