using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Core.Outbox;

/// <summary>
/// The outbox's one decision, as a pure function of the attempt, X's answer and the time: retry (when), wait,
/// stop the account, or give up with the reason an agent sees. Timeouts and 5xx are retried with backoff; an
/// unknown outcome is reconciled before anything is sent again (a tweet relies on X's 187, a DM first waits
/// <see cref="EchoGrace"/> for its echo, since X has no duplicate check for DMs).
/// </summary>
public static class RetryPolicy
{
    public const int MaxAttempts = 6;

    /// <summary>How long a DM whose send timed out waits for its echo before it is sent again.</summary>
    public static readonly TimeSpan EchoGrace = TimeSpan.FromSeconds(20);

    /// <summary>When X gives no reset time with its 429.</summary>
    public static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromMinutes(1);

    /// <param name="attempt">The attempt that just ended (1 for the first).</param>
    /// <param name="resend">An earlier attempt's outcome was unknown.</param>
    public static SendStep Decide(ChannelKind kind, int attempt, bool resend, SendFailure failure, DateTimeOffset now)
    {
        if (failure.Code is XErrorCodes.AccountLocked or XErrorCodes.InvalidOrExpiredToken)
        {
            return new SendStep.StopAccount($"{XErrorCodes.Advice(failure.Code.Value)} (X said {failure.Code})");
        }

        if (resend && failure.Code == XErrorCodes.DuplicateStatus)
        {
            return new SendStep.AlreadyPosted();
        }

        if (failure.HttpStatus == 429)
        {
            return new SendStep.WaitForRateLimit(failure.RateLimitReset ?? now + DefaultRateLimitWait);
        }

        var transient = failure.HttpStatus == 0 || failure.HttpStatus >= 500;
        if (transient && attempt < MaxAttempts)
        {
            var waitForEcho = failure.OutcomeUnknown && kind == ChannelKind.DirectMessage;
            var said = failure.HttpStatus == 0 ? "X did not answer" : $"X answered HTTP {failure.HttpStatus}";
            return new SendStep.RetryLater(
                now + (waitForEcho ? EchoGrace : Backoff(attempt)), failure.OutcomeUnknown, $"Retrying: {said} (attempt {attempt} of {MaxAttempts}).");
        }

        return new SendStep.GiveUp(failure.Code is { } code
            ? $"{XErrorCodes.Advice(code)} (X said {code}: {failure.XMessage})"
            : failure.HttpStatus == 0 ? $"X could not be reached after {attempt} attempts." : $"X kept answering HTTP {failure.HttpStatus} after {attempt} attempts.");
    }

    /// <summary>2, 4, 8, 16, 32 seconds, then a minute at most.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
}
