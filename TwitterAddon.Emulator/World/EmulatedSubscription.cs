namespace TwitterAddon.Emulator.World;

/// <summary>An X Activity API subscription: one event type for one user, delivered to one webhook, under a tag.</summary>
public sealed record EmulatedSubscription
{
    public required string Id { get; init; }

    public required string EventType { get; init; }

    public required string UserId { get; init; }

    public required string WebhookId { get; init; }

    public string? Tag { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
