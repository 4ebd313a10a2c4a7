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

    public void Set(string webhookKey, string consumerSecret) => secrets[webhookKey] = consumerSecret;

    public void Forget(string webhookKey) => secrets.TryRemove(webhookKey, out _);

    public bool TryGet(string webhookKey, out string consumerSecret) => secrets.TryGetValue(webhookKey, out consumerSecret!);
}
