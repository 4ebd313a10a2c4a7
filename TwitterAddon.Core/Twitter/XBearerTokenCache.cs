using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TwitterAddon.Core.Twitter.OAuth;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// X returns the same app-only token until it is invalidated, so one request per app is enough. Keyed by
/// consumer key and a hash of the secret: new keys after a secret rotation get a new token.
/// </summary>
public sealed class XBearerTokenCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> tokens = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(
        OAuthCredentials credentials, Func<OAuthCredentials, CancellationToken, Task<string>> request, CancellationToken cancellationToken)
    {
        var key = credentials.ConsumerKey + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credentials.ConsumerSecret)));
        var entry = tokens.GetOrAdd(key, _ => new Lazy<Task<string>>(() => request(credentials, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed request is not cached: the next call asks X again.
            tokens.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, entry));
            throw;
        }
    }
}
