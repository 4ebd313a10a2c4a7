using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Inbox;

/// <summary>What the agents' inbox reads and the small changes it makes (read, resolve, reopen).</summary>
public sealed class InboxService(
    IDbContextFactory<TwitterAddonDbContext> contexts, InboxNotifier notifier, ConversationFilterValidator filters, SharedReads shared)
{
    public const int PageSize = 50;

    /// <summary>How many of the customer's other conversations the open one lists.</summary>
    public const int OtherConversationsShown = 10;

    public const string AccountDisconnected = "The X account is disconnected: connect it again on the Setup page to reply.";

    /// <summary>Newest first, 50 at a time along the index on the last message time, so 10,000 conversations stay fast.</summary>
    public async Task<ConversationPage> ListAsync(ConversationFilter filter, int skip, CancellationToken cancellationToken) =>
        RefusalOf(filter) ?? await ReadPageAsync(contexts, filter, skip, cancellationToken);

    /// <summary>
    /// The first <paramref name="count"/> rows (at least a page) with these filters, read page by page as
    /// <see cref="ListAsync"/> reads them: what a page shows again when its filters change. With
    /// <paramref name="afterChange"/>, a live page redrawing up to that change: the pages with the same filters and rows
    /// loaded that redraw for the same change share one read (<see cref="SharedReads"/>).
    /// </summary>
    public async Task<ConversationPage> ListFirstAsync(ConversationFilter filter, int count, long? afterChange, CancellationToken cancellationToken)
    {
        if (RefusalOf(filter) is { } refusal)
        {
            return refusal;
        }

        // The factory, not this scoped service, is what a shared read holds on to: it may outlive this page's scope.
        var factory = contexts;
        return afterChange is { } knownChanges
            ? await shared.ReadAsync((filter, count), knownChanges, stopping => ReadFirstAsync(factory, filter, count, stopping), cancellationToken)
            : await ReadFirstAsync(factory, filter, count, cancellationToken);
    }

    /// <summary>An empty page saying why, when the filters are refused (a search too long).</summary>
    private ConversationPage? RefusalOf(ConversationFilter filter) =>
        filters.Validate(filter) is { IsValid: false } invalid ? new ConversationPage([], false, invalid.Errors[0].ErrorMessage) : null;

    // The pages one after the other on one context, with one search look-up for all of them. One row per conversation:
    // a row a change moved from one page to the next between their queries would come twice, and two rows with one
    // key are more than Blazor accepts.
    private static async Task<ConversationPage> ReadFirstAsync(
        IDbContextFactory<TwitterAddonDbContext> contexts, ConversationFilter filter, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matches = await MatchesAsync(db, filter, cancellationToken);
        var rows = new List<ConversationListItem>();
        ConversationPage page;
        do
        {
            page = await ReadPageAsync(db, filter, matches, rows.Count, cancellationToken);
            rows.AddRange(page.Items);
        }
        while (page.HasMore && rows.Count < Math.Max(count, 1));

        return page with { Items = rows.DistinctBy(r => r.Id).ToList() };
    }

    private static async Task<ConversationPage> ReadPageAsync(
        IDbContextFactory<TwitterAddonDbContext> contexts, ConversationFilter filter, int skip, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadPageAsync(db, filter, await MatchesAsync(db, filter, cancellationToken), skip, cancellationToken);
    }

    /// <summary>What the search names (<see cref="InboxSearch"/>), or null without a search.</summary>
    private static async Task<SearchMatches?> MatchesAsync(TwitterAddonDbContext db, ConversationFilter filter, CancellationToken cancellationToken) =>
        InboxSearch.TermOf(filter.Search) is { } term ? await InboxSearch.FindAsync(db, term, cancellationToken) : null;

    private static async Task<ConversationPage> ReadPageAsync(
        TwitterAddonDbContext db, ConversationFilter filter, SearchMatches? matches, int skip, CancellationToken cancellationToken)
    {
        var query = Filtered(db, filter);
        if (matches is null)
        {
            var page = await query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Skip(skip).Take(PageSize + 1)
                .Select(ConversationListItem.Of).ToListAsync(cancellationToken);
            return new ConversationPage(page.Take(PageSize).ToList(), page.Count > PageSize);
        }

        var ids = await SearchPageAsync(query, matches, skip, cancellationToken);
        var found = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(ConversationListItem.Of).ToListAsync(cancellationToken);
        var rows = found.OrderBy(row => ids.IndexOf(row.Id)).ToList();
        return new ConversationPage(rows.Take(PageSize).ToList(), rows.Count > PageSize, Note: matches.Note);
    }

    /// <summary>
    /// The ids of a search's page, newest first: the filtered conversations of the customers it named and those of its
    /// messages, each read along its own index (one query with an OR of the two would scan every conversation), merged.
    /// </summary>
    private static async Task<List<int>> SearchPageAsync(IQueryable<Conversation> query, SearchMatches matches, int skip, CancellationToken cancellationToken)
    {
        var conversations = matches.ConversationIds.ToArray();
        var byCustomer = await matches.OfCustomers(query)
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Take(skip + PageSize + 1)
            .Select(c => new { c.Id, c.LastMessageAt }).ToListAsync(cancellationToken);
        var byMessage = await query.Where(c => conversations.Contains(c.Id))
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Take(skip + PageSize + 1)
            .Select(c => new { c.Id, c.LastMessageAt }).ToListAsync(cancellationToken);
        return byCustomer.Concat(byMessage).DistinctBy(c => c.Id)
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Skip(skip).Take(PageSize + 1).Select(c => c.Id).ToList();
    }

    /// <summary>
    /// One conversation as the list with these filters shows it, or null when they leave it out: what a page redraws
    /// when only that conversation changed, up to change <paramref name="knownChanges"/>. The row is read once for every
    /// page redrawing for the same change (<see cref="SharedReads"/>), and each page's filters are applied to it here.
    /// Not for a search, whose rows come from its index (a page reloads them).
    /// </summary>
    public async Task<ConversationListItem?> ListOneAsync(ConversationFilter filter, int id, long knownChanges, CancellationToken cancellationToken)
    {
        if (filters.Validate(filter) is { IsValid: false } || InboxSearch.TermOf(filter.Search) is not null)
        {
            return null;
        }

        var factory = contexts;
        var row = await shared.ReadAsync(("row", id), knownChanges, async stopping =>
        {
            await using var db = await factory.CreateDbContextAsync(stopping);
            return await db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(ConversationListItem.Of).FirstOrDefaultAsync(stopping);
        }, cancellationToken);
        return row is not null && filter.Admits(row) ? row : null;
    }

    /// <summary>
    /// The filters but the search, which needs its own look-up (<see cref="InboxSearch"/>); the same test as
    /// <see cref="ConversationFilter.Admits"/>, in SQL.
    /// </summary>
    private static IQueryable<Conversation> Filtered(TwitterAddonDbContext db, ConversationFilter filter)
    {
        var query = db.Conversations.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.UnreadOnly)
        {
            // What needs an agent: customer messages nobody read, and replies X refused with none sent since. Failed
            // replies are few; the subquery takes them from the status index.
            IQueryable<Message> messages = db.Messages;
            var failed = messages.Where(m => m.Status == MessageStatus.Failed && !messages.Any(later =>
                    later.ConversationId == m.ConversationId && later.Id > m.Id
                    && (later.Status == MessageStatus.Sent || later.Status == MessageStatus.Delivered)))
                .Select(m => m.ConversationId);
            query = query.Where(c => c.UnreadCount > 0 || failed.Contains(c.Id));
        }

        return query;
    }

    public async Task<ConversationDetail?> GetAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().Include(c => c.Contact).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var rows = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new
            {
                Message = new ThreadMessage(m.Id, m.Direction, m.Text, m.At, m.Status, m.Error, m.AgentName,
                    m.AuthorContact == null ? null : m.AuthorContact.Name, m.AuthorContact == null ? null : m.AuthorContact.ScreenName, m.XId),
                m.SummonsAccount,
            })
            .ToListAsync(cancellationToken);
        var messages = rows.ConvertAll(r => r.Message);
        var channel = conversation.ChannelId is { } channelId
            ? await db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(ChannelSummary.Of).FirstOrDefaultAsync(cancellationToken)
            : null;
        var account = await db.XAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == conversation.AccountUserId, cancellationToken);
        // The same customer's DMs and other threads with the account, newest first, one click away.
        var others = await db.Conversations.AsNoTracking()
            .Where(c => c.ContactId == conversation.ContactId && c.AccountUserId == conversation.AccountUserId && c.Id != id)
            .OrderByDescending(c => c.LastMessageAt).Take(OtherConversationsShown)
            .Select(c => new OtherConversation(c.Id, c.Kind, c.LastMessagePreview, c.LastMessageAt, c.UnreadCount)).ToListAsync(cancellationToken);
        // The thread is loaded already: its latest customer post decides X's reply rule (ReplyService reads it again to send).
        var latestSummons = rows.LastOrDefault(r => r.Message.Direction == MessageDirection.Inbound && r.Message.XId != null)?.SummonsAccount;
        var replyRule = account is null ? null : ReplyRule.RefusalFor(conversation, account, latestSummons);
        return new ConversationDetail(
            conversation.Id, conversation.Kind, conversation.Status, conversation.UnreadCount, conversation.Contact, channel?.Name, channel?.IconUrl,
            conversation.RootTweetId is { } root ? $"https://x.com/{conversation.Contact.ScreenName}/status/{root}" : null,
            messages, conversation.AccountUserId, channel?.DmDeepLink ?? false, channel?.AgentInitial ?? false,
            account is null ? AccountDisconnected : account.SendingStoppedReason, replyRule, others);
    }

    /// <summary>Whether the team has answered a customer yet (a reply X took): the last step of getting started.</summary>
    public async Task<bool> AnyReplySentAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Messages.AnyAsync(
            m => m.Direction == MessageDirection.Outbound && m.AgentName != null && (m.Status == MessageStatus.Sent || m.Status == MessageStatus.Delivered),
            cancellationToken);
    }

    /// <summary>An agent opened it, or acted in it: its unread badge goes. False when nothing was unread.</summary>
    /// <param name="seenUpTo">
    /// The newest message the agent's screen shows: a customer message newer than it stays unread (it arrived after the
    /// screen was drawn). Null when the conversation is being opened, and its messages are read right after.
    /// </param>
    public async Task<bool> MarkReadAsync(int id, long? seenUpTo, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (seenUpTo is { } seen
            && await db.Messages.AnyAsync(m => m.ConversationId == id && m.Id > seen && m.Direction == MessageDirection.Inbound, cancellationToken))
        {
            return false;
        }

        // Mostly read already: then one query finds nothing and nothing is written.
        if (await db.Conversations.FirstOrDefaultAsync(c => c.Id == id && c.UnreadCount > 0, cancellationToken) is { } conversation && conversation.MarkRead())
        {
            await db.SaveChangesAsync(cancellationToken);
            notifier.ConversationChanged(id);
            return true;
        }

        return false;
    }

    public async Task SetStatusAsync(int id, ConversationStatus status, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } conversation)
        {
            return;
        }

        if (status == ConversationStatus.Resolved)
        {
            conversation.Resolve();
        }
        else
        {
            conversation.Reopen();
        }

        await db.SaveChangesAsync(cancellationToken);
        notifier.ConversationChanged(id);
    }
}
