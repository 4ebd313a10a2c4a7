using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Webhooks;

/// <summary>One POST of one payload to one webhook; <see cref="Attempt"/> counts from 0.</summary>
public sealed record WebhookDelivery(
    string WebhookUrl, string ConsumerSecret, AccountActivityTier Tier, string ForUserId, byte[] Body, int Attempt = 0);
