using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Core.Accounts;

/// <summary>Turns X's answers during setup, of either API generation, into sentences that say what the admin should fix.</summary>
internal static class XErrorMessages
{
    private static string LacksPermission(XApiException e) =>
        $"The app lacks the \"Read and write and Direct message\" permission ({e.Code}): {PermissionAdvice}";

    private const string PermissionAdvice =
        "set \"Read and write and Direct message\" under User authentication settings, then regenerate the Access Token and Access Token Secret (old tokens keep the old permission).";

    public static string ForCredentials(XApiException e) => (e.Code, e.Refusal) switch
    {
        (XErrorCodes.CouldNotAuthenticate, _) => "X did not accept the keys (32): check the API Key, API Key Secret, Access Token and Access Token Secret, and that they belong to the same app.",
        (XErrorCodes.InvalidOrExpiredToken, _) => "X says the Access Token is invalid or expired (89): regenerate the Access Token and Access Token Secret and paste the new ones.",
        (null, XRefusal.InvalidToken) => "X did not accept the keys (Unauthorized): check the API Key, API Key Secret, Access Token and Access Token Secret, that they belong to the same app, and that the Access Token was not regenerated since.",
        (null, XRefusal.NotInPlan) => "X refuses these keys for API v2: the app must be in a project with Pay-per-use or Enterprise access (X's developer console). " + Said(e),
        _ => Generic(e),
    };

    public static string ForEnvironment(XApiException e, string envLabel, AccountTier tier) => (tier.UsesApiV2(), e.Code, e.Refusal) switch
    {
        (false, XErrorCodes.DoesNotExist, _) => $"X has no Account Activity environment labelled \"{envLabel}\" for this app (34). Env labels are case-sensitive: copy it from the Dev Environments page.",
        (true, XErrorCodes.UnableToVerifyCredentials, _) => "X did not give an app-only token for the API Key and API Key Secret (99): check both, and that they are the app's current ones.",
        (true, _, XRefusal.NotInPlan or XRefusal.NoPermission) =>
            "The app's access does not include v2 webhooks: in X's developer console the app must be in a project with Pay-per-use or Enterprise access. " + Said(e),
        _ => Generic(e),
    };

    public static string ForWebhook(XApiException e, string url) => e.Code switch
    {
        XErrorCodes.WebhookRejected when e.Names("Too many") =>
            "The environment already has its webhook (214, too many resources): remove it in the developer portal, or allow replacing it.",
        XErrorCodes.WebhookRejected => $"X could not verify this add-on's webhook at {url} (214): {e.Errors[0].Text} X must reach App:PublicBaseUrl over https and get the CRC answer within 3 seconds.",
        XErrorCodes.CannotWrite or XErrorCodes.NoDirectMessagePermission => LacksPermission(e),
        _ when e.Names("CrcValidationFailed") => $"X could not verify this add-on's webhook at {url}: {e.Said} X must reach App:PublicBaseUrl over https and get the CRC answer within 10 seconds.",
        _ when e.Names("UrlValidationFailed") => $"X refuses the webhook URL {url}: it wants a public https address without a port. Set App:PublicBaseUrl to this host's public https address.",
        _ when e.Names("DuplicateUrlFailed") => $"X already has a webhook at {url} for another app. Remove it in X's developer console, then save again.",
        _ when e.Names("WebhookLimitExceeded") =>
            "The X account already has as many webhooks as its plan allows (Pay-per-use: one): remove one in X's developer console, or allow replacing it.",
        _ => Generic(e),
    };

    public static string ForSubscription(XApiException e, AccountTier tier) => (tier.UsesApiV2(), e.Code, e.Refusal) switch
    {
        (false, XErrorCodes.CannotWrite or XErrorCodes.NoDirectMessagePermission, _) => LacksPermission(e),
        (false, XErrorCodes.WebhookRejected, _) => "The environment's subscriptions are all used (Sandbox allows 15): unsubscribe an account in another tool, or move to Premium.",
        (true, _, XRefusal.NoPermission or XRefusal.InvalidToken) =>
            $"X refused to subscribe the account to its DMs and mentions: the keys lack the Direct Message permission. {char.ToUpperInvariant(PermissionAdvice[0])}{PermissionAdvice[1..]} {Said(e)}",
        (true, _, _) when e.Names("LimitExceeded") =>
            "The app's X Activity subscriptions are all used (self-serve allows 1,500): remove ones it no longer needs in X's developer console. " + Said(e),
        _ => Generic(e),
    };

    /// <summary>X refused to list, register or re-validate the webhook: an environment X does not know, or the webhook itself.</summary>
    public static string ForWebhookStep(XApiException e, string envLabel, AccountTier tier, string url) =>
        e.Code == XErrorCodes.DoesNotExist || e.Refusal == XRefusal.NotInPlan ? ForEnvironment(e, envLabel, tier) : ForWebhook(e, url);

    public const string WebhookGone =
        "X no longer has this add-on's webhook: it was deleted at X (in the developer portal or by another tool), or X lost it, so X delivers nothing. "
        + "Press Register again: the add-on registers its webhook with the stored keys and subscribes the account again.";

    public const string SubscriptionGone =
        "X no longer has the account's subscription, so it delivers nothing. Press Register again: the add-on subscribes the account again with the stored keys.";

    public static string CrcFailed(string url) =>
        $"X ran the CRC against this add-on's webhook at {url} and it did not pass: X must reach App:PublicBaseUrl over https and get the right answer in time.";

    public static string Generic(XApiException e) =>
        e.Refusal is not null || e.XSaidWhy ? $"{XRefusals.Advice(e.Refusal)} (X said {e.Said})"
        : e.HttpStatus == 0 ? $"{e.Message} Check this host's network (and Twitter:ApiBaseUrl), then try again."
        : $"X answered HTTP {e.HttpStatus}. Try again in a moment.";

    private static string Said(XApiException e) => $"(X said {e.Said})";
}
