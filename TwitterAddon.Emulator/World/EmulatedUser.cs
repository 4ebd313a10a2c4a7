namespace TwitterAddon.Emulator.World;

/// <summary>An X account in the emulator's world: the brand's, or a customer's.</summary>
public sealed class EmulatedUser
{
    public required string Id { get; init; }

    public required string ScreenName { get; init; }

    public required string Name { get; init; }

    public string ProfileImageUrl { get; init; } = "";

    /// <summary>Whether anyone may DM this user (349 otherwise).</summary>
    public bool DirectMessagesOpen { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }
}
