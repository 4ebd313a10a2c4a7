using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>A connected account stored as it is, for tests that need one but never call X with its (unusable) keys.</summary>
public static class BareAccount
{
    public static async Task AddBareAccountAsync(this IServiceProvider services, AccountTier tier = AccountTier.Sandbox)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.XAccounts.Add(new XAccount
        {
            WebhookKey = "k", ConsumerKey = "c", ProtectedConsumerSecret = "x", ProtectedAccessToken = "x", ProtectedAccessTokenSecret = "x",
            EnvLabel = "sandbox", UserId = "1000000001", ScreenName = "AcmeSupport", Name = "Acme Support", WebhookUrl = "http://x/", Tier = tier,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
