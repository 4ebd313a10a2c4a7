using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Text;

namespace TwitterAddon.Tests.Inbox;

/// <summary>What the composer keeps of an over-long reply always fits, with the channel's additions, as X counts it.</summary>
public sealed class ReplyPreviewTests
{
    private static readonly ReplySettings Both = new("1000000001", "John Doe", DmDeepLink: true, AgentInitial: true);

    [Theory]
    [InlineData(251, "")]
    [InlineData(240, " see https://example.com/a/very/long/path/that/is/cut/when/the/reply/is/shortened")]
    [InlineData(230, " https://averyveryverylongdomainnamethatkeepsgoingandgoingandgoing.com and more")]
    [InlineData(160, " 日本語のテキストが長く続きます。日本語のテキストが長く続きます。日本語のテキストが長く続きます。日本語のテキストが長く続きます。")]
    [InlineData(200, " 👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽")]
    public void TheKeptWords_FitWithTheSuffix_AndOnlyTheAgentsWordsAreCut(int letters, string tail)
    {
        var preview = ReplyPreview.For(ChannelKind.Mention, new string('a', letters) + tail, Both);

        Assert.True(preview.IsOver);
        Assert.NotEmpty(preview.WordsOver);
        Assert.Equal(preview.Words, preview.WordsThatAreKept + preview.WordsOver);
        Assert.True(TweetText.Parse(preview.WordsThatAreKept.TrimEnd() + preview.Suffix).WeightedLength <= ReplyPreview.TweetLimit);
        Assert.False(char.IsLowSurrogate(preview.WordsOver[0]));
    }
}
