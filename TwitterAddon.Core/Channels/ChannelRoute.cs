using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Channels;

/// <summary>Where an inbound event goes: the active channel of its kind, or nowhere, with the reason it is ignored.</summary>
public sealed record ChannelRoute(int? ChannelId, string? IgnoredBecause)
{
    public bool Accepted => ChannelId is not null && IgnoredBecause is null;

    /// <summary>
    /// Asked for every event, so a deactivated channel stops taking events at once. An event ignored by a
    /// deactivated channel is counted on it (the Channels page shows the count); the caller saves the change.
    /// </summary>
    /// <param name="deliveredBy">For a customer's DM, how it came: the DM channel takes them from the one source its inbound
    /// type names (X's webhook, or its intermediary service with the channel's API key), so switching the type closes the other.</param>
    public static ChannelRoute For(Channel? channel, ChannelKind kind, InboundSource? deliveredBy = null)
    {
        if (channel is null)
        {
            return new ChannelRoute(null, $"There is no {ChannelService.Describe(kind)} channel.");
        }

        if (channel.IsActive)
        {
            return deliveredBy is { } source && source != channel.InboundType.Source()
                ? new ChannelRoute(channel.Id, source == InboundSource.Webhook
                    ? "The Direct Message channel takes customers' DMs from its intermediary service (inbound type Twitter API), not from X's webhook."
                    : "The Direct Message channel takes customers' DMs from X's webhook (inbound type Twitter Webhook), not from an API key.")
                : new ChannelRoute(channel.Id, null);
        }

        channel.CountIgnored();
        return new ChannelRoute(channel.Id, $"The {ChannelService.Describe(kind)} channel is deactivated.");
    }
}
