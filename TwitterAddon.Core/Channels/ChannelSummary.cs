namespace TwitterAddon.Core.Channels;

/// <summary>A channel as the Channels page lists it (no key hash; the icon as its URL, never its bytes).</summary>
public sealed record ChannelSummary(
    int Id,
    ChannelKind Kind,
    string Name,
    string? IconUrl,
    InboundEventType InboundType,
    bool HasApiKey,
    bool DmDeepLink,
    bool AgentInitial,
    bool IsActive,
    int IgnoredEvents)
{
    /// <summary>The query's projection: the icon's bytes stay in the database.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Channel, ChannelSummary>> Of = c => new(
        c.Id, c.Kind, c.Name, c.Icon != null ? ChannelIcon.UrlOf(c.Id, c.IconVersion) : null, c.InboundType, c.ApiKeyHash != null,
        c.DmDeepLink, c.AgentInitial, c.IsActive, c.IgnoredEvents);
}
