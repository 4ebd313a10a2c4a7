using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Channels;

/// <summary>The Channels feature's table.</summary>
public static class ChannelTables
{
    extension(TwitterAddonDbContext db)
    {
        public DbSet<Channel> Channels => db.Set<Channel>();
    }
}
