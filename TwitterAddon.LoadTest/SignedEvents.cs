using System.Globalization;
using System.Text;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.LoadTest;

/// <summary>
/// Unique customer DM events in X's shape for the tier (a v1.1 Account Activity payload, or a v2 X Activity API
/// dm.received envelope tagged with the seeded Env Label), signed with the app's consumer secret as X signs them.
/// </summary>
/// <param name="createdAt">When X says the DMs were sent; a fixed day in 2025 unless given (a live DM is sent now).</param>
internal sealed class SignedEvents(string runId, AccountTier tier, DateTimeOffset? createdAt = null)
{
    public const string AccountId = "2000000001";
    public const string ConsumerSecret = "load-test-consumer-secret";
    public const string EnvLabel = "prod";
    private const int Customers = 1000;

    private const string DirectMessage = """
        "direct_message_events":[{"type":"message_create","id":"ID","created_timestamp":"1764100000000",
        "message_create":{"target":{"recipient_id":"ACCOUNT"},"sender_id":"SENDER",
        "message_data":{"text":"Load test message ID: where is my order?","entities":{"hashtags":[],"symbols":[],"user_mentions":[],"urls":[]}}}}]
        """;

    private const string AccountActivity = """
        {"for_user_id":"ACCOUNT",DM,"users":{"SENDER":{"id":"SENDER","name":"Customer SENDER","screen_name":"customer_SENDER",
        "profile_image_url_https":"https://pbs.twimg.com/profile_images/SENDER_normal.jpg"}}}
        """;

    private const string ActivityApi = """
        {"data":{"event_uuid":"ID","filter":{"user_id":"ACCOUNT"},"event_type":"dm.received","tag":"TAG",
        "payload":{DM,"users":{"SENDER":{"data":{"id":"SENDER","name":"Customer SENDER","username":"customer_SENDER",
        "profile_image_url":"https://pbs.twimg.com/profile_images/SENDER_normal.jpg"}}}}}}
        """;

    // The parts every event shares, filled in once.
    private readonly string template = (tier.UsesApiV2() ? ActivityApi : AccountActivity)
        .Replace("DM", DirectMessage, StringComparison.Ordinal)
        .Replace("ACCOUNT", AccountId, StringComparison.Ordinal).Replace("TAG", EnvLabel, StringComparison.Ordinal)
        .Replace("1764100000000", (createdAt ?? DateTimeOffset.FromUnixTimeMilliseconds(1764100000000)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string EventId(string runId, long n) => runId + n.ToString("D9", CultureInfo.InvariantCulture);

    public (byte[] Body, string Signature, string EventId) Create(long n)
    {
        var id = EventId(runId, n);
        var sender = (3000000000 + (n % Customers)).ToString(CultureInfo.InvariantCulture);
        var json = template.Replace("SENDER", sender, StringComparison.Ordinal).Replace("ID", id, StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(json);
        return (body, WebhookSignature.Sign(ConsumerSecret, body), id);
    }
}
