namespace TwitterAddon.Core.Channels;

/// <summary>A channel as the Channels page lists it (no key hash, icon as a data URI).</summary>
public sealed record ChannelSummary(
    int Id,
    ChannelKind Kind,
    string Name,
    string? IconDataUri,
    InboundEventType InboundType,
    bool HasApiKey,
    bool DmDeepLink,
    bool AgentInitial,
    bool IsActive,
    int IgnoredEvents)
{
    public static ChannelSummary Of(Channel c) => new(
        c.Id, c.Kind, c.Name, ChannelIcon.DataUri(c.Icon, c.IconContentType), c.InboundType, c.ApiKeyHash is not null,
        c.DmDeepLink, c.AgentInitial, c.IsActive, c.IgnoredEvents);
}
