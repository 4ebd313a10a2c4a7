using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Usage;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// The inbox as one batch of events sees it: lookups that remember what this batch already added (nothing is
/// saved until the batch commits). The rules themselves belong to <see cref="Conversation"/> and <see cref="Message"/>.
/// </summary>
internal sealed class InboxBatch(TwitterAddonDbContext db, string accountUserId, UsageLedger usage)
{
    private readonly Dictionary<string, Message> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Contact> contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Conversation> conversations = new(StringComparer.Ordinal);
    private readonly HashSet<string> prefetchedMessages = new(StringComparer.Ordinal);
    private readonly HashSet<string> prefetchedContacts = new(StringComparer.Ordinal);
    private readonly HashSet<string> prefetchedConversations = new(StringComparer.Ordinal);
    private List<Channel>? channels;

    public string AccountUserId => accountUserId;

    /// <summary>What X bills for this batch's events, saved with them.</summary>
    public UsageLedger Usage => usage;

    /// <summary>This batch met a customer X named by id only: <see cref="ContactProfileWorker"/> is to look them up.</summary>
    public bool MetIdOnlyContacts { get; private set; }

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

                    if (tweet.QuotedStatusId is { } quoted)
                    {
                        xIds.Add(quoted);
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
    public async Task<ChannelRoute> RouteAsync(ChannelKind kind, CancellationToken cancellationToken, Webhooks.InboundSource? deliveredBy = null)
    {
        channels ??= await db.Channels.Where(c => c.AccountUserId == accountUserId).ToListAsync(cancellationToken);
        return ChannelRoute.For(channels.FirstOrDefault(c => c.Kind == kind), kind, deliveredBy);
    }

    /// <summary>The contact with the latest name, handle and avatar X sent; a bare id when X sent no profile.</summary>
    public async Task<Contact> ContactAsync(string xUserId, XPerson? person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!contacts.TryGetValue(xUserId, out var contact))
        {
            contact = prefetchedContacts.Contains(xUserId) ? null : await db.Contacts.FirstOrDefaultAsync(c => c.XUserId == xUserId, cancellationToken);
            if (contact is null)
            {
                contact = Contact.Unknown(xUserId);
                db.Contacts.Add(contact);
            }

            contacts[xUserId] = contact;
        }

        if (person is not null)
        {
            contact.UpdateProfile(person.Name, person.ScreenName, person.ProfileImageUrl, now);
        }

        MetIdOnlyContacts |= contact.ProfileWanted;

        return contact;
    }

    /// <summary>The customer's DM conversation, started at <paramref name="at"/> when there is none.</summary>
    public Task<Conversation> DirectMessageConversationAsync(Contact customer, DateTimeOffset at, CancellationToken cancellationToken) =>
        ConversationAsync(Conversation.DirectMessageKey(customer.XUserId), () => Conversation.StartDirectMessage(accountUserId, customer, at), cancellationToken);

    /// <summary>The thread rooted at <paramref name="rootTweetId"/>, started at <paramref name="at"/> when there is none.</summary>
    public Task<Conversation> ThreadAsync(string rootTweetId, Contact customer, DateTimeOffset at, CancellationToken cancellationToken) =>
        ConversationAsync(Conversation.ThreadKeyOf(rootTweetId), () => Conversation.StartThread(accountUserId, rootTweetId, customer, at), cancellationToken);

    /// <summary>The conversation's replies still waiting for their X id, oldest first (for <see cref="EchoMatcher"/>).</summary>
    public async Task<IReadOnlyList<Message>> RepliesAwaitingIdAsync(Conversation conversation, CancellationToken cancellationToken) =>
        conversation.Id == 0
            ? []
            : await db.Messages.Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Outbound && m.XId == null)
                .OrderBy(m => m.Id).ToListAsync(cancellationToken);

    public void Add(Conversation conversation, Message message)
    {
        conversation.Add(message);
        db.Messages.Add(message);
        Remember(message);
    }

    /// <summary>
    /// An echo confirmed our reply: it now has its X id, which later lookups in this batch must find. A reply whose
    /// id only the echo brings (X's 187 after an unknown outcome) is counted here; counted twice it is not.
    /// </summary>
    public void Confirm(Conversation conversation, Message reply, string xId)
    {
        reply.ConfirmDelivered(xId);
        usage.Count(ReplyPrice.KindOf(conversation.Kind, reply.Text), xId, reply.At);
        Remember(reply);
    }

    private void Remember(Message message)
    {
        if (message.XId is { } xId)
        {
            messages[xId] = message;
        }
    }

    private async Task<Conversation> ConversationAsync(string threadKey, Func<Conversation> start, CancellationToken cancellationToken)
    {
        if (conversations.TryGetValue(threadKey, out var known))
        {
            return known;
        }

        // A prefetched key that is not in the dictionary is known not to exist; any other is looked up.
        if (!prefetchedConversations.Contains(threadKey)
            && await db.Conversations.FirstOrDefaultAsync(c => c.AccountUserId == accountUserId && c.ThreadKey == threadKey, cancellationToken) is { } found)
        {
            return conversations[threadKey] = found;
        }

        var conversation = start();
        db.Conversations.Add(conversation);
        return conversations[threadKey] = conversation;
    }
}
