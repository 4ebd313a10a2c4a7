namespace TwitterAddon.Core.Channels;

/// <summary>The add/edit form of a channel; the DM fields and the Mention fields are used by their kind only.</summary>
public sealed class ChannelForm
{
    public string Name { get; set; } = "";

    /// <summary>A newly uploaded icon; null keeps the current one (or the default X icon).</summary>
    public byte[]? Icon { get; set; }

    /// <summary>True to go back to the default X icon.</summary>
    public bool UseDefaultIcon { get; set; }

    public InboundEventType InboundType { get; set; } = InboundEventType.TwitterWebhook;

    public bool DmDeepLink { get; set; }

    public bool AgentInitial { get; set; }
}
