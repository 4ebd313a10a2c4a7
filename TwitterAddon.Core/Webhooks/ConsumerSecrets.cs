using System.Collections.Concurrent;

namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// The consumer secret of each webhook key, decrypted once and kept in memory: every CRC and every delivery
/// needs it, and X gives the CRC 3 seconds. A connect in progress registers its secret here before asking
/// X to register the webhook, because X sends the CRC during that call.
/// </summary>
public sealed class ConsumerSecrets
{
    private readonly ConcurrentDictionary<string, string> secrets = new(StringComparer.Ordinal);

    /// <summary>
    /// Fired by each <see cref="Set"/> (with the secret) and <see cref="Forget"/> (with null): X's CRC or a delivery
    /// may reach another instance, which must know the secret too (InstanceRelay tells it).
    /// </summary>
    public event Action<string, string?>? Changed;

    public void Set(string webhookKey, string consumerSecret)
    {
        Keep(webhookKey, consumerSecret);
        Changed?.Invoke(webhookKey, consumerSecret);
    }

    public void Forget(string webhookKey)
    {
        Keep(webhookKey, null);
        Changed?.Invoke(webhookKey, null);
    }

    /// <summary>Read from the database, which every instance reads for itself: not announced.</summary>
    public void LoadStored(string webhookKey, string consumerSecret) => Keep(webhookKey, consumerSecret);

    /// <summary>Another instance set (or, with null, forgot) the secret: this one follows, and tells no one.</summary>
    public void ChangedOnAnotherInstance(string webhookKey, string? consumerSecret) => Keep(webhookKey, consumerSecret);

    public bool TryGet(string webhookKey, out string consumerSecret) => secrets.TryGetValue(webhookKey, out consumerSecret!);

    private void Keep(string webhookKey, string? consumerSecret)
    {
        if (consumerSecret is null)
        {
            secrets.TryRemove(webhookKey, out _);
        }
        else
        {
            secrets[webhookKey] = consumerSecret;
        }
    }
}
