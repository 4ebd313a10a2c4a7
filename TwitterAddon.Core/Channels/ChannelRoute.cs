namespace TwitterAddon.Core.Channels;

/// <summary>Where an inbound event goes: the active channel of its kind, or nowhere, with the reason it is ignored.</summary>
public sealed record ChannelRoute(int? ChannelId, string? IgnoredBecause)
{
    public bool Accepted => ChannelId is not null && IgnoredBecause is null;

    /// <summary>
    /// Asked for every event, so a deactivated channel stops taking events at once. An event ignored by a
    /// deactivated channel is counted on it (the Channels page shows the count); the caller saves the change.
    /// </summary>
    public static ChannelRoute For(Channel? channel, ChannelKind kind)
    {
        if (channel is null)
        {
            return new ChannelRoute(null, $"There is no {ChannelService.Describe(kind)} channel.");
        }

        if (channel.IsActive)
        {
            return new ChannelRoute(channel.Id, null);
        }

        channel.CountIgnored();
        return new ChannelRoute(channel.Id, $"The {ChannelService.Describe(kind)} channel is deactivated.");
    }
}
