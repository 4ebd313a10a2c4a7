using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Core.Accounts;

/// <summary>Turns X's answers during setup into sentences that say what the admin should fix.</summary>
internal static class XErrorMessages
{
    public static string ForCredentials(XApiException e) => e.Code switch
    {
        XErrorCodes.CouldNotAuthenticate => "X did not accept the keys (32): check the API Key, API Key Secret, Access Token and Access Token Secret, and that they belong to the same app.",
        XErrorCodes.InvalidOrExpiredToken => "X says the Access Token is invalid or expired (89): regenerate the Access Token and Access Token Secret and paste the new ones.",
        _ => Generic(e),
    };

    public static string ForEnvironment(XApiException e, string envLabel) => e.Code switch
    {
        XErrorCodes.DoesNotExist => $"X has no Account Activity environment labelled \"{envLabel}\" for this app (34). Env labels are case-sensitive: copy it from the Dev Environments page.",
        _ => Generic(e),
    };

    public static string ForWebhook(XApiException e, string url) => e.Code switch
    {
        XErrorCodes.WebhookRejected when e.Said.Contains("Too many", StringComparison.Ordinal) =>
            "The environment already has its webhook (214, too many resources): remove it in the developer portal, or allow replacing it.",
        XErrorCodes.WebhookRejected => $"X could not verify this add-on's webhook at {url} (214): {e.Errors[0].Text} X must reach App:PublicBaseUrl over https and get the CRC answer within 3 seconds.",
        XErrorCodes.CannotWrite or XErrorCodes.NoDirectMessagePermission => PermissionAdvice(e),
        _ => Generic(e),
    };

    public static string ForSubscription(XApiException e) => e.Code switch
    {
        XErrorCodes.CannotWrite or XErrorCodes.NoDirectMessagePermission => PermissionAdvice(e),
        XErrorCodes.WebhookRejected => "The environment's subscriptions are all used (Sandbox allows 15): unsubscribe an account in another tool, or move to Premium.",
        _ => Generic(e),
    };

    public static string Generic(XApiException e) =>
        e.Refusal is not null || e.Code is not null ? $"{XRefusals.Advice(e.Refusal)} (X said {e.Said})"
        : e.HttpStatus == 0 ? $"{e.Message} Check this host's network (and Twitter:ApiBaseUrl), then try again."
        : $"X answered HTTP {e.HttpStatus}. Try again in a moment.";

    private static string PermissionAdvice(XApiException e) =>
        $"The app lacks the \"Read and write and Direct message\" permission ({e.Code}): set it under User authentication settings, then regenerate the Access Token and Access Token Secret (old tokens keep the old permission).";
}
