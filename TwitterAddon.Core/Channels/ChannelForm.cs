namespace TwitterAddon.Core.Channels;

/// <summary>The add/edit form of a channel; the DM fields and the Mention fields are used by their kind only.</summary>
public sealed class ChannelForm
{
    public string Name { get; set; } = "";

    private byte[]? icon;
    private (byte[] Bytes, string ContentType)? thumbnail;

    /// <summary>A newly uploaded icon; null keeps the current one (or the default X icon).</summary>
    public byte[]? Icon
    {
        get => icon;
        set => (icon, thumbnail) = (value, null);
    }

    /// <summary>
    /// The upload's stored form (<see cref="ChannelIcon.Thumbnail"/>), made once per upload: the editor's preview,
    /// the validator and the save all use it. Null without an upload, or when it cannot be read.
    /// </summary>
    public (byte[] Bytes, string ContentType)? Thumbnail => icon is null ? null : thumbnail ??= ChannelIcon.Thumbnail(icon);

    /// <summary>True to go back to the default X icon.</summary>
    public bool UseDefaultIcon { get; set; }

    public InboundEventType InboundType { get; set; } = InboundEventType.TwitterWebhook;

    public bool DmDeepLink { get; set; }

    public bool AgentInitial { get; set; }
}
