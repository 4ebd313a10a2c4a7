namespace TwitterAddon.Core.Accounts;

/// <summary>What each tier means for the add-on: which API it speaks and which of X's rules apply.</summary>
public static class AccountTiers
{
    public static bool UsesApiV2(this AccountTier tier) => tier is AccountTier.PayPerUse or AccountTier.Enterprise;

    /// <summary>X's rule since 2026-02-23 on self-serve access: a reply only to a post that mentions or quotes the account.</summary>
    public static bool HasReplyRule(this AccountTier tier) => tier == AccountTier.PayPerUse;

    /// <summary>How the admin sees it in the form and on Detail Account.</summary>
    public static string Label(this AccountTier tier) => tier switch
    {
        AccountTier.PayPerUse => "Pay-per-use",
        AccountTier.Enterprise => "Enterprise",
        AccountTier.Premium => "Premium (v1.1, legacy)",
        _ => "Sandbox (v1.1, legacy)",
    };
}
