namespace TwitterAddon.Emulator.World;

public sealed class EmulatedWebhook
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    /// <summary>False after a failed CRC: X then delivers nothing until a PUT re-validates it.</summary>
    public bool Valid { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }
}
