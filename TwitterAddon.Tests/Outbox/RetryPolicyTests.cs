using TwitterAddon.Core.Outbox;
using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Tests.Outbox;

/// <summary>Every answer of X the outbox handles, and what it does next: the whole retry rule in one table.</summary>
public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Reset = Now.AddMinutes(7);

    public static TheoryData<string, int, bool, SendFailure, SendStep> Answers => new()
    {
        // 326 and 89 are the account's trouble, not the reply's: sending stops for the account.
        { "326 account locked", 1, false, V1(403, 326, "locked"),
            new SendStep.StopAccount("X has locked the account: sign in to X to unlock it, then retry. (X said 326)") },
        { "89 token revoked", 2, true, V1(401, 89, "Invalid or expired token."),
            new SendStep.StopAccount("X says the access token is invalid or expired: regenerate the Access Token and Access Token Secret. (X said 89)") },
        // 187 after an unknown outcome proves the earlier attempt posted; on a first send it is the agent's duplicate.
        { "187 on a resend", 2, true, V1(403, 187, "Status is a duplicate."), new SendStep.AlreadyPosted() },
        { "187 on a first send", 1, false, V1(403, 187, "Status is a duplicate."),
            new SendStep.GiveUp("X refuses a reply identical to one already posted: change the text. (X said 187: Status is a duplicate.)") },
        // 429 waits for the reset X names, or a minute; the attempt does not count.
        { "429 with reset", 1, false, V1(429, 88, "Rate limit exceeded", Reset), new SendStep.WaitForRateLimit(Reset) },
        { "429 without reset", 6, false, V1(429, 88, "Rate limit exceeded"), new SendStep.WaitForRateLimit(Now.AddMinutes(1)) },
        // 5xx and no answer: backoff 2^attempt seconds; a DM whose outcome is unknown waits for its echo instead.
        { "503, known outcome", 1, false, Answer(503),
            new SendStep.RetryLater(Now.AddSeconds(2), false, "Retrying: X answered HTTP 503 (attempt 1 of 6).") },
        { "503 on the third attempt", 3, false, V1(503, 131, "Internal error"),
            new SendStep.RetryLater(Now.AddSeconds(8), false, "Retrying: X answered HTTP 503 (attempt 3 of 6).") },
        { "timeout of a DM (looked up in X's DM history before it is sent again)", 1, false, NoAnswer(unknown: true),
            new SendStep.RetryLater(Now.AddSeconds(2), true, "Retrying: X did not answer (attempt 1 of 6).") },
        { "timeout of a tweet", 2, false, NoAnswer(unknown: true),
            new SendStep.RetryLater(Now.AddSeconds(4), true, "Retrying: X did not answer (attempt 2 of 6).") },
        { "connection refused", 1, false, NoAnswer(unknown: false),
            new SendStep.RetryLater(Now.AddSeconds(2), false, "Retrying: X did not answer (attempt 1 of 6).") },
        { "503 on the fifth attempt", 5, false, Answer(500),
            new SendStep.RetryLater(Now.AddSeconds(32), false, "Retrying: X answered HTTP 500 (attempt 5 of 6).") },
        // After six attempts, or for a refusal, the agent sees why.
        { "503 on the last attempt", 6, false, Answer(503), new SendStep.GiveUp("X kept answering HTTP 503 after 6 attempts.") },
        { "no answer on the last attempt", 6, true, NoAnswer(unknown: true),
            new SendStep.GiveUp("X could not be reached after 6 attempts.") },
        { "349 closed DMs", 1, false, V1(403, 349, "You cannot send messages to this user."),
            new SendStep.GiveUp("X does not allow sending this person a DM (their DMs are closed or they blocked the account). (X said 349: You cannot send messages to this user.)") },
        { "385 parent gone", 1, false, V1(403, 385, "You attempted to reply to a Tweet that is deleted or not visible to you."),
            new SendStep.GiveUp("The tweet being replied to was deleted or is no longer visible. (X said 385: You attempted to reply to a Tweet that is deleted or not visible to you.)") },
        { "186 too long", 1, false, V1(403, 186, "Tweet needs to be a bit shorter."),
            new SendStep.GiveUp("The reply is over 280 characters as X counts them: shorten it. (X said 186: Tweet needs to be a bit shorter.)") },
        { "354 DM too long", 1, false, V1(403, 354, "The text of your direct message is over the max character limit."),
            new SendStep.GiveUp("The DM is over X's 10,000-character limit: shorten it. (X said 354: The text of your direct message is over the max character limit.)") },
        { "108 unknown user", 1, false, V1(404, 108, "Cannot find specified user."),
            new SendStep.GiveUp("X refused the request. (X said 108: Cannot find specified user.)") },
        { "261 cannot write", 1, false, V1(403, 261, "Application cannot perform write actions."),
            new SendStep.GiveUp("The app lacks the \"Read and write and Direct message\" permission: change it, then regenerate the access token. (X said 261: Application cannot perform write actions.)") },
        { "400 without a code", 1, false, Answer(400), new SendStep.GiveUp("X kept answering HTTP 400 after 1 attempts.") },
    };

    /// <summary>Today's X answers with problems (title, detail, type) and no codes; the same rules hold.</summary>
    public static TheoryData<string, int, bool, SendFailure, SendStep> V2Answers => new()
    {
        { "v2 duplicate content on a resend", 2, true, V2(403, "You are not allowed to create a Tweet with duplicate content."), new SendStep.AlreadyPosted() },
        { "v2 duplicate content on a first send", 1, false, V2(403, "You are not allowed to create a Tweet with duplicate content."),
            new SendStep.GiveUp("X refuses a reply identical to one already posted: change the text. (X said You are not allowed to create a Tweet with duplicate content.)") },
        { "v2 reply rule", 1, false,
            V2(403, "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to."),
            new SendStep.GiveUp("X allows replies only to posts that mention or quote the account (its rule for self-serve access): answer by DM, or wait for a post that mentions the account. " +
                "(X said Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.)") },
        { "v2 unauthorized", 1, false, V2(401, "Unauthorized", title: "Unauthorized"),
            new SendStep.StopAccount("X says the access token is invalid or expired: regenerate the Access Token and Access Token Secret. (X said Unauthorized)") },
        { "v2 missing permission", 1, false,
            V2(403, "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.", "https://api.twitter.com/2/problems/oauth1-permissions"),
            new SendStep.GiveUp("The app lacks the \"Read and write and Direct message\" permission: change it, then regenerate the access token. " +
                "(X said Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.)") },
        { "v2 rate limit", 1, false, V2(429, "Too Many Requests", title: "Too Many Requests", reset: Reset), new SendStep.WaitForRateLimit(Reset) },
        { "v2 503", 1, false, V2(503, "Service Unavailable", title: "Service Unavailable"),
            new SendStep.RetryLater(Now.AddSeconds(2), false, "Retrying: X answered HTTP 503 (attempt 1 of 6).") },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    [MemberData(nameof(V2Answers))]
    public void XsAnswer_DecidesTheNextStep(string answer, int attempt, bool resend, SendFailure failure, SendStep expected)
    {
        var step = RetryPolicy.Decide(attempt, resend, failure, Now);

        Assert.True(expected == step, $"{answer}: expected {expected}, got {step}");
    }

    private static SendFailure V1(int status, int code, string message, DateTimeOffset? reset = null) =>
        SendFailure.From(new XApiException(status, [new XError(code, message)], reset));

    private static SendFailure V2(int status, string detail, string type = "about:blank", string title = "Forbidden", DateTimeOffset? reset = null) =>
        SendFailure.From(new XApiException(status, [], reset, new XProblem(title, detail, type)));

    private static SendFailure Answer(int status) => SendFailure.From(new XApiException(status, []));

    /// <summary>A timeout or dropped connection (unknown outcome), or a refused connection (it never left).</summary>
    private static SendFailure NoAnswer(bool unknown) => SendFailure.From(new XApiException("X could not be reached.",
        unknown ? new TimeoutException() : new HttpRequestException(HttpRequestError.ConnectionError)));

    [Fact]
    public void Backoff_Doubles_UpToAMinute()
    {
        Assert.Equal([2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 7).Select(a => RetryPolicy.Backoff(a).TotalSeconds));
    }

    [Fact]
    public void ALookupThatFails_KeepsTheReplySending_UntilItGivesUpSayingItMayBeOnX()
    {
        var busy = RetryPolicy.DecideLookup(1, Answer(503), Now);
        var limited = RetryPolicy.DecideLookup(2, V1(429, 88, "Rate limit exceeded", Reset), Now);
        var last = RetryPolicy.DecideLookup(RetryPolicy.MaxAttempts, Answer(503), Now);

        Assert.Equal(new SendStep.RetryLater(Now.AddSeconds(2), true, "Checking X's DM history before sending again: X answered HTTP 503 (attempt 1 of 6)."), busy);
        Assert.Equal(new SendStep.RetryLater(Reset, true, "Checking X's DM history before sending again: X answered HTTP 429 (attempt 2 of 6)."), limited);
        Assert.Equal(new SendStep.GiveUp(RetryPolicy.MayBeOnX), last);
    }
}
