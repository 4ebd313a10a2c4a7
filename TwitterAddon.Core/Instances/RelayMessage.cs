using System.Globalization;

namespace TwitterAddon.Core.Instances;

/// <summary>
/// One change told to the other instances: which instance made it, what kind, and its data, as one NOTIFY payload
/// (fields split by a unit separator, which none of them contains).
/// </summary>
internal sealed record RelayMessage(string Instance, string Kind, string Data)
{
    public const string WakeInbound = "wake-inbound";
    public const string WakeOutbox = "wake-outbox";
    public const string WakeProfiles = "wake-profiles";
    public const string Account = "account";
    public const string Inbox = "inbox";
    public const string Secret = "secret";

    /// <summary>PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; a longer list of conversations is sent as "everything".</summary>
    public const int MaxPayload = 7_000;

    private const char Separator = '\u001f';
    private const string Everything = "*";

    public string Payload => $"{Instance}{Separator}{Kind}{Separator}{Data}";

    public static RelayMessage? Parse(string payload) =>
        payload.Split(Separator, 3) is [var instance, var kind, var data] ? new RelayMessage(instance, kind, data) : null;

    /// <summary>The inbox's change: these conversations, or everything (null).</summary>
    public static RelayMessage InboxChanged(string instance, IReadOnlyCollection<int>? conversationIds)
    {
        var data = conversationIds is null ? Everything : string.Join(',', conversationIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return new RelayMessage(instance, Inbox, data.Length > MaxPayload - 200 ? Everything : data);
    }

    /// <summary>The conversations an inbox message names; null for everything (or data that cannot be read).</summary>
    public IReadOnlyCollection<int>? ConversationIds()
    {
        if (Data == Everything)
        {
            return null;
        }

        var ids = new List<int>();
        foreach (var part in Data.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>A webhook's consumer secret set (protected with the shared key ring) or forgotten (no protected part).</summary>
    public static RelayMessage SecretChanged(string instance, string webhookKey, string? protectedSecret) =>
        new(instance, Secret, protectedSecret is null ? webhookKey : $"{webhookKey}\n{protectedSecret}");

    public (string WebhookKey, string? ProtectedSecret) SecretChange() =>
        Data.Split('\n', 2) is [var key, var secret] ? (key, secret) : (Data, null);
}
