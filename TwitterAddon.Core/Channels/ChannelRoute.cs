using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Channels;

/// <summary>Where an inbound event goes: the active channel of its kind, or nowhere, with the reason it is ignored.</summary>
public sealed record ChannelRoute(int? ChannelId, string? IgnoredBecause)
{
    public bool Accepted => ChannelId is not null && IgnoredBecause is null;

    /// <summary>
    /// Asked for every event, so a deactivated channel stops taking events at once. An event the channel ignores (it is
    /// deactivated, or a DM came by the source its inbound type closed) is counted on it, so the Channels page shows what
    /// it turned away; the caller saves the change.
    /// </summary>
    /// <param name="deliveredBy">For a customer's DM, how it came: the DM channel takes them from the one source its inbound
    /// type names (X's webhook, or its intermediary service with the channel's API key), so switching the type closes the other.</param>
    public static ChannelRoute For(Channel? channel, ChannelKind kind, InboundSource? deliveredBy = null)
    {
        if (channel is null)
        {
            return new ChannelRoute(null, $"There is no {ChannelService.Describe(kind)} channel.");
        }

        if (channel.IsActive && (deliveredBy is not { } source || source == channel.InboundType.Source()))
        {
            return new ChannelRoute(channel.Id, null);
        }

        channel.CountIgnored();
        if (channel.IsActive)
        {
            return new ChannelRoute(channel.Id, deliveredBy == InboundSource.Webhook
                ? "The Direct Message channel takes customers' DMs from its intermediary service (inbound type Twitter API), not from X's webhook."
                : "The Direct Message channel takes customers' DMs from X's webhook (inbound type Twitter Webhook), not from an API key.");
        }

        return new ChannelRoute(channel.Id, $"The {ChannelService.Describe(kind)} channel is deactivated.");
    }
}
