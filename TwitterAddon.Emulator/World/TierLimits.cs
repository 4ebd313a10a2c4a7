namespace TwitterAddon.Emulator.World;

/// <summary>What each tier allows, as X documents it: Sandbox 1 webhook, 15 subscriptions and no delivery retries.</summary>
public static class TierLimits
{
    public const int WebhooksPerEnvironment = 1;

    public static int Subscriptions(AccountActivityTier tier) => tier == AccountActivityTier.Sandbox ? 15 : 250;

    public static bool RetriesDeliveries(AccountActivityTier tier) => tier == AccountActivityTier.Premium;
}
