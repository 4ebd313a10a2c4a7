namespace TwitterAddon.Core.Twitter;

/// <summary>X's v1.1 error codes the add-on acts on (x-api.md 2.1 and 5.4); <see cref="XRefusals"/> says what they mean.</summary>
public static class XErrorCodes
{
    public const int CouldNotAuthenticate = 32;
    public const int DoesNotExist = 34;
    public const int MissingParameter = 38;
    public const int RateLimitExceeded = 88;
    public const int InvalidOrExpiredToken = 89;
    public const int NoDirectMessagePermission = 93;

    /// <summary>POST /oauth2/token could not verify the API Key and Secret: no app-only token.</summary>
    public const int UnableToVerifyCredentials = 99;

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
}
