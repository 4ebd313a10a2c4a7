using System.Collections.Concurrent;

namespace TwitterAddon.Emulator.Api;

/// <summary>The oauth_nonce values one emulator has seen recently: X refuses a replayed request.</summary>
public sealed class NonceLedger
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    /// <summary>False when this consumer key already used the nonce; forgets nonces older than <paramref name="horizon"/>.</summary>
    public bool TryUse(string consumerKey, string nonce, DateTimeOffset now, DateTimeOffset horizon)
    {
        foreach (var (key, at) in seen)
        {
            if (at < horizon)
            {
                seen.TryRemove(key, out _);
            }
        }

        return seen.TryAdd(consumerKey + ":" + nonce, now);
    }
}
