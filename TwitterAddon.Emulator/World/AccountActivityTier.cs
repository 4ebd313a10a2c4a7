namespace TwitterAddon.Emulator.World;

/// <summary>The two v1.1 premium tiers of the Begin Setup form (x-api.md 2.2).</summary>
public enum AccountActivityTier
{
    Sandbox,
    Premium,
}
