namespace TwitterAddon.Core.Accounts;

/// <summary>The Account Activity tier of the Begin Setup form (x-api.md 2.2).</summary>
public enum AccountTier
{
    /// <summary>Free: 1 webhook, 15 subscriptions, no delivery retries.</summary>
    Sandbox,

    /// <summary>Paid: more subscriptions, and X retries a failed delivery three times.</summary>
    Premium,
}
