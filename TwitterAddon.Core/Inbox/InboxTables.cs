using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Inbox;

/// <summary>The Inbox feature's tables: customers, their conversations, and every message in them.</summary>
public static class InboxTables
{
    extension(TwitterAddonDbContext db)
    {
        public DbSet<Contact> Contacts => db.Set<Contact>();

        public DbSet<Conversation> Conversations => db.Set<Conversation>();

        public DbSet<Message> Messages => db.Set<Message>();
    }
}
