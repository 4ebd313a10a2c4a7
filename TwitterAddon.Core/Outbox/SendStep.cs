namespace TwitterAddon.Core.Outbox;

/// <summary>What the outbox does with a reply after X answered an attempt (<see cref="RetryPolicy"/> decides).</summary>
public abstract record SendStep
{
    /// <summary>Not the reply's fault (326 locked, 89 token): the account stops sending until an admin resumes.</summary>
    public sealed record StopAccount(string Reason) : SendStep;

    /// <summary>187 on a resend: the attempt whose outcome was unknown did post it; its echo brings the id.</summary>
    public sealed record AlreadyPosted : SendStep;

    /// <summary>429: X did not take it; try again when the rate limit resets.</summary>
    public sealed record WaitForRateLimit(DateTimeOffset Until) : SendStep;

    /// <summary>A passing failure: try again at <see cref="At"/> (still "sending" when the outcome is unknown).</summary>
    public sealed record RetryLater(DateTimeOffset At, bool OutcomeUnknown, string Note) : SendStep;

    /// <summary>X refused it for good, or kept failing: the agent sees why and can retry.</summary>
    public sealed record GiveUp(string Reason) : SendStep;
}
