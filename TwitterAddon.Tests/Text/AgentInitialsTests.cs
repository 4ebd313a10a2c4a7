using TwitterAddon.Core.Text;

namespace TwitterAddon.Tests.Text;

public sealed class AgentInitialsTests
{
    [Theory]
    [InlineData("John Doe", "- J.D")]
    [InlineData("John", "- J.")]
    [InlineData("Maria de la Cruz", "- M.D.L.C")]
    [InlineData("  john   doe ", "- J.D")]
    [InlineData("Σωκράτης Παπαδόπουλος", "- Σ.Π")]
    [InlineData("山田 太郎", "- 山.太")]
    [InlineData("", "")]
    public void Initials_FollowTheProductRule(string name, string expected) => Assert.Equal(expected, AgentInitials.Of(name));

    [Theory]
    [InlineData(false, false, "Thanks!")]
    [InlineData(false, true, "Thanks! - J.D")]
    [InlineData(true, false, "Thanks! https://twitter.com/messages/compose?recipient_id=1000000001")]
    [InlineData(true, true, "Thanks! - J.D https://twitter.com/messages/compose?recipient_id=1000000001")]
    public void MentionReply_AppendsInitialsThenTheDeepLink(bool deepLink, bool initials, string expected) =>
        Assert.Equal(expected, MentionReplyText.Compose("Thanks! ", "1000000001", "John Doe", deepLink, initials));

    [Fact]
    public void TheDeepLink_CountsAsOneUrl_23()
    {
        var withLink = MentionReplyText.Compose("Thanks!", "1000000001", "John Doe", dmDeepLink: true, agentInitial: true);

        Assert.Equal("Thanks! - J.D ".Length + 23, TweetText.Parse(withLink).WeightedLength);
    }
}
