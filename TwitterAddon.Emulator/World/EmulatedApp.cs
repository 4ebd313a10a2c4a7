namespace TwitterAddon.Emulator.World;

/// <summary>A developer app: its consumer key pair, its Account Activity environments and its app-only token.</summary>
public sealed class EmulatedApp
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string ConsumerKey { get; init; }

    public required string ConsumerSecret { get; init; }

    public required string BearerToken { get; init; }

    public List<EmulatedEnvironment> Environments { get; } = [];
}
