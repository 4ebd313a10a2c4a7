namespace TwitterAddon.Emulator.World;

/// <summary>An Account Activity dev environment: its label (case-sensitive), tier, webhooks and subscribed users.</summary>
public sealed class EmulatedEnvironment
{
    public required string Label { get; init; }

    public required AccountActivityTier Tier { get; init; }

    public List<EmulatedWebhook> Webhooks { get; } = [];

    public HashSet<string> SubscribedUserIds { get; } = [];
}
