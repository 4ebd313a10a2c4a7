namespace TwitterAddon.Emulator.World;

/// <summary>A user's access token for one app. Revoking it is what X does when the user removes the app.</summary>
public sealed class EmulatedToken
{
    public required string Token { get; init; }

    public required string Secret { get; init; }

    public required string UserId { get; init; }

    public required string AppId { get; init; }

    /// <summary>"Read and write and Direct message" or less: without it, sends answer 261/93.</summary>
    public bool CanWriteAndMessage { get; set; } = true;

    public bool Revoked { get; set; }
}
