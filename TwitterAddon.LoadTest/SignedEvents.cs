using System.Globalization;
using System.Text;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.LoadTest;

/// <summary>Unique customer DM events in X's shape, signed with the app's consumer secret as X signs them.</summary>
internal sealed class SignedEvents(string runId)
{
    public const string AccountId = "2000000001";
    public const string ConsumerSecret = "load-test-consumer-secret";
    private const int Customers = 1000;

    public static string EventId(string runId, long n) => runId + n.ToString("D9", CultureInfo.InvariantCulture);

    public (byte[] Body, string Signature, string EventId) Create(long n)
    {
        var id = EventId(runId, n);
        var sender = (3000000000 + (n % Customers)).ToString(CultureInfo.InvariantCulture);
        var json = "{\"for_user_id\":\"" + AccountId + "\",\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"" + id
            + "\",\"created_timestamp\":\"1764100000000\",\"message_create\":{\"target\":{\"recipient_id\":\"" + AccountId
            + "\"},\"sender_id\":\"" + sender + "\",\"message_data\":{\"text\":\"Load test message " + id
            + ": where is my order?\",\"entities\":{\"hashtags\":[],\"symbols\":[],\"user_mentions\":[],\"urls\":[]}}}}],\"users\":{\""
            + sender + "\":{\"id\":\"" + sender + "\",\"name\":\"Customer " + sender + "\",\"screen_name\":\"customer_" + sender
            + "\",\"profile_image_url_https\":\"https://pbs.twimg.com/profile_images/" + sender + "_normal.jpg\"}}}";
        var body = Encoding.UTF8.GetBytes(json);
        return (body, WebhookSignature.Sign(ConsumerSecret, body), id);
    }
}
