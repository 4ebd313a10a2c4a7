namespace TwitterAddon.Core.Twitter;

/// <summary>
/// Reads X's error answers into <see cref="XRefusal"/>: v1.1 by code (x-api.md 2.1 and 5.4), v2 by status,
/// problem type and the words of its detail (docs.x.com's problem list; ../shared/docs/x-api-v2.md), and says
/// in the product's words what a person should do.
/// </summary>
public static class XRefusals
{
    // The problem types' host changed from api.twitter.com to api.x.com in 2026: the name after it is what counts.
    private const string Problems = "/2/problems/";

    // v2 problems name the case only in their detail: the phrases X uses, as its docs and captured answers show them.
    private static readonly (string Phrase, XRefusal Refusal)[] DetailPhrases =
    [
        ("duplicate content", XRefusal.Duplicate),
        ("is a duplicate", XRefusal.Duplicate),
        ("too long", XRefusal.TooLong),
        ("deleted or not visible", XRefusal.ParentGone),
        // X's reply rule has no problem type of its own, and X reworded it in mid-2026: both wordings.
        ("not been mentioned or otherwise engaged", XRefusal.ReplyNotAllowed),
        ("reply to this conversation is not allowed", XRefusal.ReplyNotAllowed),
        ("you can only reply to or quote posts where you are mentioned", XRefusal.ReplyNotAllowed),
        ("cannot send messages to this user", XRefusal.CannotMessage),
        ("not permitted to send", XRefusal.CannotMessage),
        ("account is locked", XRefusal.AccountLocked),
        ("temporarily locked", XRefusal.AccountLocked),
        ("is suspended", XRefusal.AccountLocked),
    ];

    public static XRefusal? Of(int httpStatus, int? code, XProblem? problem, IReadOnlyList<XError> errors) => code switch
    {
        XErrorCodes.CouldNotAuthenticate => XRefusal.CouldNotAuthenticate,
        XErrorCodes.InvalidOrExpiredToken => XRefusal.InvalidToken,
        XErrorCodes.AccountLocked => XRefusal.AccountLocked,
        XErrorCodes.CannotWrite or XErrorCodes.NoDirectMessagePermission => XRefusal.NoPermission,
        XErrorCodes.DoesNotExist => XRefusal.NotFound,
        XErrorCodes.DuplicateStatus => XRefusal.Duplicate,
        XErrorCodes.StatusTooLong => XRefusal.TooLong,
        XErrorCodes.ParentTweetMissing => XRefusal.ParentGone,
        XErrorCodes.CannotMessageUser => XRefusal.CannotMessage,
        XErrorCodes.MessageTooLong => XRefusal.MessageTooLong,
        XErrorCodes.RateLimitExceeded => XRefusal.RateLimited,
        XErrorCodes.EndpointNotInTier => XRefusal.NotInPlan,
        not null => null,
        null => OfV2(httpStatus, problem, errors),
    };

    /// <summary>What the admin or agent should do, in the product's words.</summary>
    public static string Advice(XRefusal? refusal) => refusal switch
    {
        XRefusal.CouldNotAuthenticate => "X could not authenticate the keys: check the API Key, API Key Secret, Access Token and Access Token Secret.",
        XRefusal.InvalidToken => "X says the access token is invalid or expired: regenerate the Access Token and Access Token Secret.",
        XRefusal.AccountLocked => "X has locked the account: sign in to X to unlock it, then retry.",
        XRefusal.NoPermission => "The app lacks the \"Read and write and Direct message\" permission: change it, then regenerate the access token.",
        XRefusal.NotFound => "X does not know that resource: check the Env Label (it is case-sensitive) and that the keys belong to the same app.",
        XRefusal.Duplicate => "X refuses a reply identical to one already posted: change the text.",
        XRefusal.TooLong => "The reply is over 280 characters as X counts them: shorten it.",
        XRefusal.ParentGone => "The tweet being replied to was deleted or is no longer visible.",
        XRefusal.CannotMessage => "X does not allow sending this person a DM (their DMs are closed or they blocked the account).",
        XRefusal.MessageTooLong => "The DM is over X's 10,000-character limit: shorten it.",
        XRefusal.ReplyNotAllowed =>
            "X allows replies only to posts that mention or quote the account (its rule for self-serve access): answer by DM, or wait for a post that mentions the account.",
        XRefusal.RateLimited => "X's rate limit is reached: wait until it resets.",
        XRefusal.OutOfCredits => "The X app has no credits left: top them up in X's developer console, then resume sending.",
        XRefusal.NotInPlan => "The X plan of this app does not include this endpoint, or its usage cap is spent.",
        _ => "X refused the request.",
    };

    private static XRefusal? OfV2(int httpStatus, XProblem? problem, IReadOnlyList<XError> errors)
    {
        if (httpStatus == 429)
        {
            return XRefusal.RateLimited;
        }

        // v2 says only "Unauthorized": the keys stopped working (revoked or regenerated), as v1.1's 89 said.
        if (httpStatus == 401)
        {
            return XRefusal.InvalidToken;
        }

        if (httpStatus == 402)
        {
            return XRefusal.OutOfCredits;
        }

        var type = problem?.Type is { } uri && uri.LastIndexOf(Problems, StringComparison.Ordinal) is var at and >= 0 ? uri[(at + Problems.Length)..] : "";
        switch (type)
        {
            case "oauth1-permissions" or "unsupported-authentication":
                return XRefusal.NoPermission;
            case "usage-capped" or "client-forbidden":
                return XRefusal.NotInPlan;
            case "user-suspended":
                return XRefusal.AccountLocked;
            case "credits":
                return XRefusal.OutOfCredits;
        }

        var words = string.Join(" ", new[] { problem?.Detail, problem?.Title }.Concat(errors.Select(e => e.Text)).OfType<string>());
        foreach (var (phrase, refusal) in DetailPhrases)
        {
            if (words.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return refusal;
            }
        }

        return type == "resource-not-found" || httpStatus == 404 ? XRefusal.NotFound : null;
    }
}
