using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// The conversations a context's pending save changes (one of theirs, or a message in them), read before the save and
/// named after it, when new ones have their ids: what a writer tells <see cref="Live.InboxNotifier"/>.
/// </summary>
public static class ChangedConversations
{
    public static Func<IReadOnlyCollection<int>> Capture(TwitterAddonDbContext db)
    {
        var conversations = db.ChangeTracker.Entries<Conversation>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        var messages = db.ChangeTracker.Entries<Message>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Entity).ToList();
        return () => conversations.Select(c => c.Id).Concat(messages.Select(m => m.ConversationId)).Where(id => id != 0).ToHashSet();
    }
}
