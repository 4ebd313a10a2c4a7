namespace TwitterAddon.Core.Accounts.Connections;

/// <summary>Picks the connection of a tier's API generation.</summary>
public sealed class XConnections(AccountActivityConnection legacy, ActivityApiConnection current)
{
    public IXConnection For(AccountTier tier) => tier.UsesApiV2() ? current : legacy;
}
