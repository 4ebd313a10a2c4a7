namespace TwitterAddon.Core.Accounts;

/// <summary>The tier of the Begin Setup form: X API v2 access today, or v1.1 premium Account Activity (legacy).</summary>
public enum AccountTier
{
    /// <summary>v1.1 premium, free: 1 webhook, 15 subscriptions, no delivery retries.</summary>
    Sandbox,

    /// <summary>v1.1 premium, paid: more subscriptions, and X retries a failed delivery three times.</summary>
    Premium,

    /// <summary>X API v2, self-serve credits: v2 webhooks and the X Activity API; 1 webhook; replies only when summoned.</summary>
    PayPerUse,

    /// <summary>X API v2 under an enterprise contract: the same calls, higher limits, no reply rule.</summary>
    Enterprise,
}
