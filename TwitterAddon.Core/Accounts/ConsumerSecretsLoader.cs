using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Accounts;

/// <summary>
/// Fills <see cref="ConsumerSecrets"/> from the database when the host starts, before X's first CRC; again when this
/// instance may have missed another's changes (InstanceRelay, after its connection to the database came back).
/// </summary>
public sealed partial class ConsumerSecretsLoader(
    IDbContextFactory<TwitterAddonDbContext> contexts, SecretProtector protector, ConsumerSecrets secrets,
    ILogger<ConsumerSecretsLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var account in await db.XAccounts.AsNoTracking().ToListAsync(cancellationToken))
        {
            try
            {
                secrets.LoadStored(account.WebhookKey, protector.Unprotect(account.ProtectedConsumerSecret));
            }
            catch (CryptographicException)
            {
                // The Data Protection keys that encrypted it are gone: the host still starts, and says what to do.
                LogUndecryptable(logger, account.ScreenName);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "The stored keys of @{ScreenName} cannot be decrypted (the Data Protection keys beside the database are missing or different): X's CRC will fail. Restore the keys folder, or disconnect and connect again in Setup.")]
    private static partial void LogUndecryptable(ILogger logger, string screenName);
}
