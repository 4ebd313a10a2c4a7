namespace TwitterAddon.Core.Channels;

/// <summary>A Direct Message or Twitter Mention channel of the connected X account.</summary>
public sealed class Channel
{
    public const int NameMaxLength = 50;

    public int Id { get; set; }

    /// <summary>The X user id of the account the channel belongs to.</summary>
    public required string AccountUserId { get; set; }

    public ChannelKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>The stored thumbnail (<see cref="ChannelIcon.Thumbnail"/>); null for the default X icon.</summary>
    public byte[]? Icon { get; private set; }

    public string? IconContentType { get; private set; }

    /// <summary>Goes up with every change of icon and is part of its URL, so a browser's cached copy is never stale.</summary>
    public int IconVersion { get; private set; }

    public InboundEventType InboundType { get; set; } = InboundEventType.TwitterWebhook;

    /// <summary>SHA-256 of the intermediary's API key (shown once, never stored in clear).</summary>
    public string? ApiKeyHash { get; set; }

    public bool DmDeepLink { get; set; }

    public bool AgentInitial { get; set; }

    /// <summary>Inactive: its events are recorded as ignored and nothing enters the inbox.</summary>
    public bool IsActive { get; set; } = true;

    public int IgnoredEvents { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A new icon (an upload's thumbnail), or null for X's logo.</summary>
    public void SetIcon((byte[] Bytes, string ContentType)? thumbnail)
    {
        (Icon, IconContentType) = (thumbnail?.Bytes, thumbnail?.ContentType);
        IconVersion++;
    }

    /// <summary>An event arrived while the channel was deactivated: the Channels page shows how many it missed.</summary>
    public void CountIgnored() => IgnoredEvents++;
}
