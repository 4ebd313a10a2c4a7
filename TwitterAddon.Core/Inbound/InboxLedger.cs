using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// The inbox as one batch of events sees it: lookups that remember what this batch already added (it is not
/// saved until the batch commits), and the writes the classification rules make.
/// </summary>
internal sealed class InboxLedger(TwitterAddonDbContext db, string accountUserId)
{
    private readonly Dictionary<string, Message> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Contact> contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Conversation> conversations = new(StringComparer.Ordinal);
    private readonly HashSet<string> prefetchedMessages = new(StringComparer.Ordinal);
    private readonly HashSet<string> prefetchedContacts = new(StringComparer.Ordinal);
    private readonly HashSet<string> prefetchedConversations = new(StringComparer.Ordinal);
    private List<Channel>? channels;

    public string AccountUserId => accountUserId;

    /// <summary>
    /// Loads in three queries what a batch's events will look up (their X ids, the tweets they answer, their
    /// customers and threads), instead of three queries per event. What is not found is then known not to exist.
    /// </summary>
    public async Task PrefetchAsync(IEnumerable<InboundItem> items, CancellationToken cancellationToken)
    {
        var xIds = new HashSet<string>(StringComparer.Ordinal);
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            switch (item)
            {
                case DirectMessageItem dm:
                    xIds.Add(dm.EventId);
                    people.Add(dm.SenderId == accountUserId ? dm.RecipientId : dm.SenderId);
                    break;
                case TweetItem tweet:
                    xIds.Add(tweet.TweetId);
                    if (tweet.InReplyToStatusId is { } parent)
                    {
                        xIds.Add(parent);
                    }

                    people.Add(tweet.Author.Id);
                    break;
            }
        }

        xIds.ExceptWith(prefetchedMessages);
        people.ExceptWith(prefetchedContacts);
        foreach (var message in await db.Messages.Include(m => m.Conversation).Where(m => xIds.Contains(m.XId!)).ToListAsync(cancellationToken))
        {
            messages[message.XId!] = message;
        }

        foreach (var contact in await db.Contacts.Where(c => people.Contains(c.XUserId)).ToListAsync(cancellationToken))
        {
            contacts[contact.XUserId] = contact;
        }

        var keys = people.Select(Conversation.DirectMessageKey).Concat(xIds.Select(Conversation.ThreadKeyOf)).ToHashSet(StringComparer.Ordinal);
        keys.ExceptWith(prefetchedConversations);
        foreach (var conversation in await db.Conversations.Where(c => c.AccountUserId == accountUserId && keys.Contains(c.ThreadKey)).ToListAsync(cancellationToken))
        {
            conversations[conversation.ThreadKey] = conversation;
        }

        prefetchedMessages.UnionWith(xIds);
        prefetchedContacts.UnionWith(people);
        prefetchedConversations.UnionWith(keys);
    }

    public async Task<Message?> FindMessageAsync(string xId, CancellationToken cancellationToken)
    {
        if (messages.TryGetValue(xId, out var known) || prefetchedMessages.Contains(xId))
        {
            return known;
        }

        var found = await db.Messages.Include(m => m.Conversation).FirstOrDefaultAsync(m => m.XId == xId, cancellationToken);
        if (found is not null)
        {
            messages[xId] = found;
        }

        return found;
    }

    /// <summary>The channel of that kind, or why the event is left out. An ignored event is counted on its channel.</summary>
    public async Task<ChannelRoute> RouteAsync(ChannelKind kind, CancellationToken cancellationToken)
    {
        channels ??= await db.Channels.Where(c => c.AccountUserId == accountUserId).ToListAsync(cancellationToken);
        return ChannelRoute.For(channels.FirstOrDefault(c => c.Kind == kind), kind);
    }

    /// <summary>The contact with the latest name, handle and avatar X sent; a bare id when X sent no profile.</summary>
    public async Task<Contact> ContactAsync(string xUserId, XPerson? person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!contacts.TryGetValue(xUserId, out var contact))
        {
            contact = prefetchedContacts.Contains(xUserId) ? null : await db.Contacts.FirstOrDefaultAsync(c => c.XUserId == xUserId, cancellationToken);
            if (contact is null)
            {
                contact = new Contact { XUserId = xUserId, Name = xUserId, ScreenName = xUserId };
                db.Contacts.Add(contact);
            }

            contacts[xUserId] = contact;
        }

        if (person is not null && person.ScreenName.Length > 0)
        {
            var name = person.Name.Length > 0 ? person.Name : person.ScreenName;
            var avatar = person.ProfileImageUrl ?? contact.ProfileImageUrl;
            if ((contact.Name, contact.ScreenName, contact.ProfileImageUrl) != (name, person.ScreenName, avatar))
            {
                (contact.Name, contact.ScreenName, contact.ProfileImageUrl, contact.UpdatedAt) = (name, person.ScreenName, avatar, now);
            }
        }

        return contact;
    }

    public async Task<Conversation?> FindConversationAsync(string threadKey, CancellationToken cancellationToken)
    {
        if (conversations.TryGetValue(threadKey, out var known) || prefetchedConversations.Contains(threadKey))
        {
            return known;
        }

        var found = await db.Conversations.FirstOrDefaultAsync(c => c.AccountUserId == accountUserId && c.ThreadKey == threadKey, cancellationToken);
        if (found is not null)
        {
            conversations[threadKey] = found;
        }

        return found;
    }

    public async Task<Conversation> ConversationAsync(
        string threadKey, ChannelKind kind, Contact contact, string? rootTweetId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await FindConversationAsync(threadKey, cancellationToken) is { } existing)
        {
            return existing;
        }

        var conversation = new Conversation
        {
            AccountUserId = accountUserId, Kind = kind, ThreadKey = threadKey, Contact = contact, RootTweetId = rootTweetId,
            Status = ConversationStatus.Open, CreatedAt = at, LastMessageAt = at,
        };
        db.Conversations.Add(conversation);
        conversations[threadKey] = conversation;
        return conversation;
    }

    /// <summary>An outbound message of ours still waiting for its X id, which this echo must be.</summary>
    public async Task<Message?> FindUnconfirmedSendAsync(Conversation conversation, string text, string? inReplyToTweetId, CancellationToken cancellationToken)
    {
        var waiting = conversation.Id == 0
            ? []
            : await db.Messages.Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Outbound && m.XId == null
                    && (m.Status == MessageStatus.Sending || m.Status == MessageStatus.Sent || m.Status == MessageStatus.Failed))
                .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return waiting.FirstOrDefault(m => m.Text == text)
            ?? waiting.FirstOrDefault(m => inReplyToTweetId is not null && m.InReplyToTweetId == inReplyToTweetId)
            ?? waiting.FirstOrDefault(m => m.Status is MessageStatus.Sending or MessageStatus.Sent);
    }

    public void Add(Conversation conversation, Message message)
    {
        message.Conversation = conversation;
        db.Messages.Add(message);
        if (message.XId is { } xId)
        {
            messages[xId] = message;
        }

        // A new conversation starts at its first message's time; an older message arriving late keeps the preview.
        if (message.At >= conversation.LastMessageAt)
        {
            conversation.LastMessageAt = message.At;
            conversation.LastMessagePreview = Conversation.Preview(message.Text);
        }

        if (message.Direction == MessageDirection.Inbound)
        {
            // A customer writing again reopens a resolved conversation.
            conversation.Status = ConversationStatus.Open;
            conversation.UnreadCount++;
        }
    }

    public void Confirm(Message sent, string xId)
    {
        sent.XId = xId;
        sent.Status = MessageStatus.Delivered;
        sent.Error = null;
        messages[xId] = sent;
    }
}
