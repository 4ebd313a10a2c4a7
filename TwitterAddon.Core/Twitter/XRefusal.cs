namespace TwitterAddon.Core.Twitter;

/// <summary>What an error answer of X means for the add-on, whichever API generation gave it.</summary>
public enum XRefusal
{
    CouldNotAuthenticate,
    InvalidToken,
    AccountLocked,
    NoPermission,
    NotFound,
    Duplicate,
    TooLong,
    ParentGone,
    CannotMessage,
    MessageTooLong,

    /// <summary>X's reply rule on self-serve access: the post's author neither mentioned nor quoted the account.</summary>
    ReplyNotAllowed,
    RateLimited,

    /// <summary>Pay-per-use: the app's credits are spent (402); nothing is sent until they are topped up.</summary>
    OutOfCredits,

    /// <summary>The app's plan does not include the endpoint, or its usage cap is spent.</summary>
    NotInPlan,
}
