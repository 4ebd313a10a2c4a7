namespace TwitterAddon.Core.Channels;

/// <summary>Where an inbound event goes: the active channel of its kind, or nowhere, with the reason it is ignored.</summary>
public sealed record ChannelRoute(int? ChannelId, string? IgnoredBecause)
{
    public bool Accepted => ChannelId is not null && IgnoredBecause is null;
}
