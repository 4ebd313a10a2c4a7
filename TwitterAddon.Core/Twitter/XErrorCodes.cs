namespace TwitterAddon.Core.Twitter;

/// <summary>X's v1.1 error codes the add-on acts on (x-api.md 2.1 and 5.4), with what a person should do.</summary>
public static class XErrorCodes
{
    public const int CouldNotAuthenticate = 32;
    public const int DoesNotExist = 34;
    public const int MissingParameter = 38;
    public const int RateLimitExceeded = 88;
    public const int InvalidOrExpiredToken = 89;
    public const int NoDirectMessagePermission = 93;
    public const int UserNotFound = 108;
    public const int StatusTooLong = 186;
    public const int DuplicateStatus = 187;
    public const int WebhookRejected = 214;
    public const int CannotWrite = 261;
    public const int AccountLocked = 326;
    public const int CannotMessageUser = 349;
    public const int MessageTooLong = 354;
    public const int SubscriptionAlreadyExists = 355;
    public const int ParentTweetMissing = 385;
    public const int EndpointNotInTier = 453;

    /// <summary>What the admin or agent should do about a code, in the product's words.</summary>
    public static string Advice(int code) => code switch
    {
        CouldNotAuthenticate => "X could not authenticate the keys: check the API Key, API Key Secret, Access Token and Access Token Secret.",
        DoesNotExist => "X does not know that resource: check the Env Label (it is case-sensitive) and that the keys belong to the same app.",
        RateLimitExceeded => "X's rate limit is reached: wait until it resets.",
        InvalidOrExpiredToken => "X says the access token is invalid or expired: regenerate the Access Token and Access Token Secret.",
        NoDirectMessagePermission or CannotWrite =>
            "The app lacks the \"Read and write and Direct message\" permission: change it, then regenerate the access token.",
        StatusTooLong => "The reply is over 280 characters as X counts them: shorten it.",
        DuplicateStatus => "X refuses a reply identical to one already posted: change the text.",
        WebhookRejected => "X rejected the webhook URL.",
        AccountLocked => "X has locked the account: sign in to X to unlock it, then retry.",
        CannotMessageUser => "X does not allow sending this person a DM (their DMs are closed or they blocked the account).",
        MessageTooLong => "The DM is over X's 10,000-character limit: shorten it.",
        ParentTweetMissing => "The tweet being replied to was deleted or is no longer visible.",
        EndpointNotInTier => "The X plan of this app does not include this endpoint.",
        _ => "X refused the request.",
    };
}
