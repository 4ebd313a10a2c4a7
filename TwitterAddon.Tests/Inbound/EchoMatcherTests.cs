using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Inbox;

namespace TwitterAddon.Tests.Inbound;

/// <summary>Which of our replies an echo from X confirms, or none (the account sent it from elsewhere).</summary>
public sealed class EchoMatcherTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheSameText_Wins_OverOlderRepliesInFlight()
    {
        var first = InFlight("Hello");
        var second = InFlight("It ships today");

        Assert.Same(second, EchoMatcher.Match([first, second], "It ships today", null));
    }

    [Fact]
    public void AMentionReply_IsFoundByTheTweetItAnswers_WhenXChangedTheText()
    {
        // X may shorten a link or add the @handles: the answered tweet still tells.
        var reply = InFlight("Sorry, DM us https://example.com/a-long-link", inReplyTo: "555");

        Assert.Same(reply, EchoMatcher.Match([InFlight("Other", inReplyTo: "444"), reply], "@jane Sorry, DM us https://t.co/x", "555"));
    }

    [Fact]
    public void OtherwiseTheOldestReplyInFlight_IsTheOne()
    {
        var oldest = InFlight("One");

        Assert.Same(oldest, EchoMatcher.Match([oldest, InFlight("Two")], "Something else", null));
    }

    [Fact]
    public void AReplyThatLookedFailed_IsConfirmedBySameText_ButNeverGuessed()
    {
        // A "failed" send may have reached X after all; only its own text proves it.
        var failed = Failed("We are on it");

        Assert.Same(failed, EchoMatcher.Match([failed], "We are on it", null));
        Assert.Null(EchoMatcher.Match([failed], "A different text", null));
    }

    [Fact]
    public void QueuedRepliesAndRepliesWithAnId_AreNeverMatched()
    {
        var queued = Message.Reply("Hi", "John Doe", null, At);
        var sent = InFlight("Hi");
        sent.RecordSent("123", echoSeen: false);

        Assert.Null(EchoMatcher.Match([queued, sent], "Hi", null));
    }

    [Fact]
    public void NoReplyWaiting_MeansSentFromElsewhere()
    {
        Assert.Null(EchoMatcher.Match([], "Posted from the X app", null));
    }

    private static Message InFlight(string text, string? inReplyTo = null)
    {
        var message = Message.Reply(text, "John Doe", inReplyTo, At);
        message.BeginAttempt(At, TimeSpan.FromSeconds(20));
        return message;
    }

    private static Message Failed(string text)
    {
        var message = InFlight(text);
        message.Fail("X kept answering HTTP 503 after 6 attempts.");
        return message;
    }
}
