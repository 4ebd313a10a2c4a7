using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Outbox;

namespace TwitterAddon.Tests.Outbox;

/// <summary>Every answer of X the outbox handles, and what it does next: the whole retry rule in one table.</summary>
public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Reset = Now.AddMinutes(7);

    public static TheoryData<string, ChannelKind, int, bool, SendFailure, SendStep> Answers => new()
    {
        // 326 and 89 are the account's trouble, not the reply's: sending stops for the account.
        { "326 account locked", ChannelKind.Mention, 1, false, new(403, 326, "locked"),
            new SendStep.StopAccount("X has locked the account: sign in to X to unlock it, then retry. (X said 326)") },
        { "89 token revoked", ChannelKind.DirectMessage, 2, true, new(401, 89, "Invalid or expired token."),
            new SendStep.StopAccount("X says the access token is invalid or expired: regenerate the Access Token and Access Token Secret. (X said 89)") },
        // 187 after an unknown outcome proves the earlier attempt posted; on a first send it is the agent's duplicate.
        { "187 on a resend", ChannelKind.Mention, 2, true, new(403, 187, "Status is a duplicate."), new SendStep.AlreadyPosted() },
        { "187 on a first send", ChannelKind.Mention, 1, false, new(403, 187, "Status is a duplicate."),
            new SendStep.GiveUp("X refuses a reply identical to one already posted: change the text. (X said 187: Status is a duplicate.)") },
        // 429 waits for the reset X names, or a minute; the attempt does not count.
        { "429 with reset", ChannelKind.DirectMessage, 1, false, new(429, 88, "Rate limit exceeded", RateLimitReset: Reset), new SendStep.WaitForRateLimit(Reset) },
        { "429 without reset", ChannelKind.Mention, 6, false, new(429, 88, "Rate limit exceeded"), new SendStep.WaitForRateLimit(Now.AddMinutes(1)) },
        // 5xx and no answer: backoff 2^attempt seconds; a DM whose outcome is unknown waits for its echo instead.
        { "503, known outcome", ChannelKind.DirectMessage, 1, false, new(503, null, null),
            new SendStep.RetryLater(Now.AddSeconds(2), false, "Retrying: X answered HTTP 503 (attempt 1 of 6).") },
        { "503 on the third attempt", ChannelKind.Mention, 3, false, new(503, 131, "Internal error"),
            new SendStep.RetryLater(Now.AddSeconds(8), false, "Retrying: X answered HTTP 503 (attempt 3 of 6).") },
        { "timeout of a DM", ChannelKind.DirectMessage, 1, false, new(0, null, null, OutcomeUnknown: true),
            new SendStep.RetryLater(Now.AddSeconds(20), true, "Retrying: X did not answer (attempt 1 of 6).") },
        { "timeout of a tweet", ChannelKind.Mention, 2, false, new(0, null, null, OutcomeUnknown: true),
            new SendStep.RetryLater(Now.AddSeconds(4), true, "Retrying: X did not answer (attempt 2 of 6).") },
        { "connection refused", ChannelKind.DirectMessage, 1, false, new(0, null, null),
            new SendStep.RetryLater(Now.AddSeconds(2), false, "Retrying: X did not answer (attempt 1 of 6).") },
        { "503 on the fifth attempt", ChannelKind.Mention, 5, false, new(500, null, null),
            new SendStep.RetryLater(Now.AddSeconds(32), false, "Retrying: X answered HTTP 500 (attempt 5 of 6).") },
        // After six attempts, or for a refusal, the agent sees why.
        { "503 on the last attempt", ChannelKind.Mention, 6, false, new(503, null, null), new SendStep.GiveUp("X kept answering HTTP 503 after 6 attempts.") },
        { "no answer on the last attempt", ChannelKind.DirectMessage, 6, true, new(0, null, null, OutcomeUnknown: true),
            new SendStep.GiveUp("X could not be reached after 6 attempts.") },
        { "349 closed DMs", ChannelKind.DirectMessage, 1, false, new(403, 349, "You cannot send messages to this user."),
            new SendStep.GiveUp("X does not allow sending this person a DM (their DMs are closed or they blocked the account). (X said 349: You cannot send messages to this user.)") },
        { "385 parent gone", ChannelKind.Mention, 1, false, new(403, 385, "You attempted to reply to a Tweet that is deleted or not visible to you."),
            new SendStep.GiveUp("The tweet being replied to was deleted or is no longer visible. (X said 385: You attempted to reply to a Tweet that is deleted or not visible to you.)") },
        { "186 too long", ChannelKind.Mention, 1, false, new(403, 186, "Tweet needs to be a bit shorter."),
            new SendStep.GiveUp("The reply is over 280 characters as X counts them: shorten it. (X said 186: Tweet needs to be a bit shorter.)") },
        { "354 DM too long", ChannelKind.DirectMessage, 1, false, new(403, 354, "The text of your direct message is over the max character limit."),
            new SendStep.GiveUp("The DM is over X's 10,000-character limit: shorten it. (X said 354: The text of your direct message is over the max character limit.)") },
        { "108 unknown user", ChannelKind.DirectMessage, 1, false, new(404, 108, "Cannot find specified user."),
            new SendStep.GiveUp("X refused the request. (X said 108: Cannot find specified user.)") },
        { "261 cannot write", ChannelKind.Mention, 1, false, new(403, 261, "Application cannot perform write actions."),
            new SendStep.GiveUp("The app lacks the \"Read and write and Direct message\" permission: change it, then regenerate the access token. (X said 261: Application cannot perform write actions.)") },
        { "400 without a code", ChannelKind.Mention, 1, false, new(400, null, null), new SendStep.GiveUp("X kept answering HTTP 400 after 1 attempts.") },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void XsAnswer_DecidesTheNextStep(string answer, ChannelKind kind, int attempt, bool resend, SendFailure failure, SendStep expected)
    {
        var step = RetryPolicy.Decide(kind, attempt, resend, failure, Now);

        Assert.True(expected == step, $"{answer}: expected {expected}, got {step}");
    }

    [Fact]
    public void Backoff_Doubles_UpToAMinute()
    {
        Assert.Equal([2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 7).Select(a => RetryPolicy.Backoff(a).TotalSeconds));
    }
}
