namespace TwitterAddon.Core.Accounts.Connections;

/// <summary>Picks the connection of a tier's API generation.</summary>
public sealed class XConnections(AccountActivityConnection legacy, ActivityApiConnection current)
{
    public IXConnection For(AccountTier tier) => tier.UsesApiV2() ? current : legacy;

    /// <summary>Today's X, for what only v2 can do (re-tag subscriptions in place).</summary>
    public ActivityApiConnection ApiV2 => current;
}
