using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Core.Outbox;

/// <summary>
/// The outbox's one decision, as a pure function of the attempt, X's answer and the time: retry (when), wait,
/// stop the account, or give up with the reason an agent sees. Timeouts and 5xx are retried with backoff; an
/// unknown outcome is reconciled before anything is sent again: a post relies on X's duplicate refusal (187 on
/// v1.1, "duplicate content" on v2); a DM, which X does not deduplicate, is looked up in X's DM history first
/// (<see cref="XSender.FindSentDirectMessageAsync"/>).
/// </summary>
public static class RetryPolicy
{
    public const int MaxAttempts = 6;

    /// <summary>When X gives no reset time with its 429.</summary>
    public static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromMinutes(1);

    /// <param name="attempt">The attempt that just ended (1 for the first).</param>
    /// <param name="resend">An earlier attempt's outcome was unknown.</param>
    public static SendStep Decide(int attempt, bool resend, SendFailure failure, DateTimeOffset now)
    {
        if (StopsAccount(failure) is { } stop)
        {
            return stop;
        }

        if (resend && failure.Refusal == XRefusal.Duplicate)
        {
            return new SendStep.AlreadyPosted();
        }

        if (RateLimitedUntil(failure, now) is { } until)
        {
            return new SendStep.WaitForRateLimit(until);
        }

        // X's reply rule is X's answer, not a passing failure: never retried.
        var transient = (failure.HttpStatus == 0 || failure.HttpStatus >= 500) && failure.Refusal is null;
        if (transient && attempt < MaxAttempts)
        {
            return new SendStep.RetryLater(
                now + Backoff(attempt), failure.OutcomeUnknown, $"Retrying: {What(failure)} (attempt {attempt} of {MaxAttempts}).");
        }

        return new SendStep.GiveUp(failure.Said is { } said && (failure.Refusal is not null || failure.HttpStatus is > 0 and < 500)
            ? $"{XRefusals.Advice(failure.Refusal)} (X said {said})"
            : failure.HttpStatus == 0 ? $"X could not be reached after {attempt} attempts." : $"X kept answering HTTP {failure.HttpStatus} after {attempt} attempts.");
    }

    /// <summary>
    /// The DM history lookup before a resend failed: the reply stays "sending" (its outcome still unknown) and is looked
    /// up again later, after X's rate limit if that was the answer; after <see cref="MaxAttempts"/> it fails with a
    /// reason that says it may be on X, so nobody resends it blind.
    /// </summary>
    public static SendStep DecideLookup(int attempt, SendFailure failure, DateTimeOffset now) =>
        StopsAccount(failure) ?? LookAgain(attempt, RateLimitedUntil(failure, now) ?? now + Backoff(attempt), What(failure));

    /// <summary>X's DM history could not be read back to the agent's Send (many DMs since): look again later, as <see cref="DecideLookup"/>.</summary>
    public static SendStep HistoryUnclear(int attempt, DateTimeOffset now) =>
        LookAgain(attempt, now + HistoryRetryWait, "more DMs came since than one look reads");

    /// <summary>Still "sending" (the outcome unknown), looked up again at <paramref name="at"/>; after the last attempt, given up saying it may be on X.</summary>
    private static SendStep LookAgain(int attempt, DateTimeOffset at, string why) =>
        attempt < MaxAttempts
            ? new SendStep.RetryLater(at, true, $"Checking X's DM history before sending again: {why} (attempt {attempt} of {MaxAttempts}).")
            : new SendStep.GiveUp(MayBeOnX);

    /// <summary>326, 89 or no credits: the whole account stops sending until an admin acts.</summary>
    private static SendStep.StopAccount? StopsAccount(SendFailure failure) =>
        failure.Refusal is XRefusal.AccountLocked or XRefusal.InvalidToken or XRefusal.OutOfCredits
            ? new SendStep.StopAccount($"{XRefusals.Advice(failure.Refusal)} (X said {failure.Reference})")
            : null;

    /// <summary>When X's rate limit lets the call be made again, or null when X did not limit it.</summary>
    private static DateTimeOffset? RateLimitedUntil(SendFailure failure, DateTimeOffset now) =>
        failure.HttpStatus == 429 || failure.Refusal == XRefusal.RateLimited ? failure.RateLimitReset ?? now + DefaultRateLimitWait : null;

    private static string What(SendFailure failure) => failure.HttpStatus == 0 ? "X did not answer" : $"X answered HTTP {failure.HttpStatus}";

    /// <summary>v1.1 allows 15 history reads in 15 minutes.</summary>
    public static readonly TimeSpan HistoryRetryWait = TimeSpan.FromMinutes(5);

    public const string MayBeOnX =
        "X may have this DM already, and its DM history could not confirm it: look at the conversation on X before sending it again.";

    /// <summary>2, 4, 8, 16, 32 seconds, then a minute at most.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
}
