using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Accounts;

/// <summary>
/// What our webhook endpoint does with X's calls: answers the CRC from the in-memory secret, and stores each
/// verified delivery before it is acknowledged.
/// </summary>
public sealed class WebhookInbox(
    ConsumerSecrets secrets, IDbContextFactory<TwitterAddonDbContext> contexts, AccountActivityNotifier notifier, InboundEventWriter writer, TimeProvider clock)
{
    // "Last CRC answered" is for people; one write a minute is plenty and keeps the CRC fast under load.
    private static readonly TimeSpan CrcRecordInterval = TimeSpan.FromMinutes(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> crcRecorded = new(StringComparer.Ordinal);

    /// <summary>X's crc_token is a short base64 string; anything else (a JSON body, say) is refused, so the CRC is no signing oracle.</summary>
    public static bool IsPlausibleCrcToken(string? token) =>
        token is { Length: > 0 and <= 128 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_');

    /// <summary>The response_token, or null when the key is unknown or the token implausible.</summary>
    public string? AnswerCrc(string webhookKey, string? crcToken) =>
        IsPlausibleCrcToken(crcToken) && secrets.TryGet(webhookKey, out var secret)
            ? WebhookSignature.CrcResponseToken(secret, crcToken!)
            : null;

    public async Task RecordCrcAsync(string webhookKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (crcRecorded.TryGetValue(webhookKey, out var last) && now - last < CrcRecordInterval)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.XAccounts.Where(a => a.WebhookKey == webhookKey)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastCrcAt, now), cancellationToken);
        if (updated > 0)
        {
            // During a connect the row does not exist yet; the connect stores the time itself.
            crcRecorded[webhookKey] = now;
            notifier.Notify();
        }
    }

    public WebhookSignatureCheck Verify(string webhookKey, ReadOnlySpan<byte> body, string? signature) =>
        secrets.TryGet(webhookKey, out var secret) ? WebhookSignature.Verify(secret, body, signature) : WebhookSignatureCheck.Missing;

    /// <summary>Stores the delivery durably; only after this returns may the endpoint answer 200.</summary>
    public Task StoreAsync(string webhookKey, byte[] body, CancellationToken cancellationToken) =>
        writer.StoreAsync(webhookKey, body, InboundSource.Webhook, cancellationToken);
}
