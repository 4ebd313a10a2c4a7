using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Accounts;

/// <summary>The Accounts feature's table: the connected X account with its app's keys.</summary>
public static class AccountTables
{
    extension(TwitterAddonDbContext db)
    {
        public DbSet<XAccount> XAccounts => db.Set<XAccount>();
    }
}
