namespace TwitterAddon.Core.Accounts;

/// <summary>What each tier means for the add-on: which API it speaks and which of X's rules apply.</summary>
public static class AccountTiers
{
    public static bool UsesApiV2(this AccountTier tier) => tier is AccountTier.PayPerUse or AccountTier.Enterprise;

    /// <summary>X's rule since 2026-02-23 on self-serve access: a reply only to a post that mentions or quotes the account.</summary>
    public static bool HasReplyRule(this AccountTier tier) => tier == AccountTier.PayPerUse;

    /// <summary>X bills every event and call by its price list (x-api-v2.md 1.4): costs are estimated and a budget can pause sending.</summary>
    public static bool PaysPerUse(this AccountTier tier) => tier == AccountTier.PayPerUse;

    /// <summary>How the admin sees it in the form and on Detail Account.</summary>
    public static string Label(this AccountTier tier) => tier switch
    {
        AccountTier.PayPerUse => "Pay-per-use",
        AccountTier.Enterprise => "Enterprise",
        AccountTier.Premium => "Premium (v1.1, legacy)",
        _ => "Sandbox (v1.1, legacy)",
    };

    /// <summary>What the tier is, in a sentence beneath the choice.</summary>
    public static string Description(this AccountTier tier) => tier switch
    {
        AccountTier.PayPerUse => "X API v2 with credits, what new apps get: v2 webhooks and the X Activity API; one webhook; replies only to posts that mention or quote the account.",
        AccountTier.Enterprise => "X API v2 under an enterprise contract: the same calls with higher limits, and no reply rule.",
        AccountTier.Premium => "X's premium v1.1 Account Activity API, deprecated in 2023: for apps that still have it. X retries failed deliveries.",
        _ => "The free v1.1 premium tier, deprecated in 2023: 1 webhook, 15 subscriptions, no delivery retries.",
    };

    /// <summary>The Sandbox tier's subscriptions (x-api.md 2.2); a paid Premium package has more.</summary>
    public const int SandboxSubscriptions = 15;

    /// <summary>Pay-per-use's Account Activity subscriptions (x-api-v2.md 1.4); Enterprise has thousands.</summary>
    public const int PayPerUseSubscriptions = 3;

    /// <summary>
    /// Where the tier the admin chose and what X provisions the developer account for (its subscription count) cannot
    /// both be true, what that changes, in the admin's words; null when they agree, or when X's count cannot tell (a
    /// paid Premium account may keep its Sandbox environment too).
    /// </summary>
    public static string? DisagreesWith(this AccountTier tier, int provisionedSubscriptions) => tier switch
    {
        AccountTier.Premium when provisionedSubscriptions <= SandboxSubscriptions =>
            $"X provisions this developer account for {provisionedSubscriptions} subscriptions, the Sandbox tier's allowance: it has no paid Premium environment, so X will not retry a delivery that fails. Choose Sandbox.",
        AccountTier.PayPerUse when provisionedSubscriptions > PayPerUseSubscriptions =>
            $"X reports enterprise access for this developer account ({provisionedSubscriptions:N0} subscriptions): choose Enterprise. X's reply rule for self-serve access does not apply to it.",
        AccountTier.Enterprise when provisionedSubscriptions <= PayPerUseSubscriptions =>
            $"X reports Pay-per-use access for this developer account ({provisionedSubscriptions} subscriptions), not Enterprise: choose Pay-per-use. Replies may then only answer posts that mention or quote the account, as X requires.",
        _ => null,
    };
}
