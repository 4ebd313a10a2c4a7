using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Usage;

/// <summary>The Usage feature's tables: what X billed, counted once, and the install's cost settings.</summary>
public static class UsageTables
{
    extension(TwitterAddonDbContext db)
    {
        public DbSet<UsageRecord> UsageRecords => db.Set<UsageRecord>();

        public DbSet<UsageSettings> UsageSettings => db.Set<UsageSettings>();

        /// <summary>The settings row, or the defaults (not yet saved) when no admin changed anything.</summary>
        public async Task<UsageSettings> UsageSettingsOrDefaultsAsync(CancellationToken cancellationToken) =>
            await db.Set<UsageSettings>().FirstOrDefaultAsync(cancellationToken) ?? Usage.UsageSettings.Defaults();

        /// <summary>The settings row to change and save: the defaults are added the first time.</summary>
        public async Task<UsageSettings> UsageSettingsToChangeAsync(CancellationToken cancellationToken)
        {
            if (await db.Set<UsageSettings>().FirstOrDefaultAsync(cancellationToken) is { } settings)
            {
                return settings;
            }

            settings = Usage.UsageSettings.Defaults();
            db.Set<UsageSettings>().Add(settings);
            return settings;
        }
    }
}
