namespace TwitterAddon.Core.Channels;

/// <summary>A channel change: done (with a new API key to show once, if one was made) or refused with why.</summary>
public sealed record ChannelOutcome(bool Succeeded, string? Error, string? NewApiKey = null)
{
    public static ChannelOutcome Ok(string? newApiKey = null) => new(true, null, newApiKey);

    public static ChannelOutcome Refused(string error) => new(false, error);
}
