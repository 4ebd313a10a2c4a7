using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Accounts;

/// <summary>Fills <see cref="ConsumerSecrets"/> from the database when the host starts, before X's first CRC.</summary>
internal sealed class ConsumerSecretsLoader(
    IDbContextFactory<TwitterAddonDbContext> contexts, SecretProtector protector, ConsumerSecrets secrets) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var account in await db.XAccounts.AsNoTracking().ToListAsync(cancellationToken))
        {
            secrets.Set(account.WebhookKey, protector.Unprotect(account.ProtectedConsumerSecret));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
