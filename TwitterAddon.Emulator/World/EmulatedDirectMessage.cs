namespace TwitterAddon.Emulator.World;

public sealed record EmulatedDirectMessage(
    string Id, string SenderId, string RecipientId, string Text, DateTimeOffset CreatedAt, string? SourceAppId);
