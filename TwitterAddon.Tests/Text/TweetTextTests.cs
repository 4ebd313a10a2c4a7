using TwitterAddon.Core.Text;

namespace TwitterAddon.Tests.Text;

/// <summary>Cases beyond the conformance files: what agents actually type, and broken text.</summary>
public sealed class TweetTextTests
{
    // Built in code: a lone surrogate in an attribute does not survive test discovery intact.
    private static readonly string[] CutTexts = ["Hi \uD83D", "\uDE00 lone low", "a\uD83Db"];

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 11)]
    [InlineData(2, 4)]
    public void LoneSurrogates_AreCounted_NotFatal(int text, int weighted) =>
        Assert.Equal(weighted, TweetText.Parse(CutTexts[text]).WeightedLength);

    [Theory]
    [InlineData("🙋🏽‍♀️", 2)]
    [InlineData("❤️❤", 4)]
    [InlineData("©", 1)]
    [InlineData("©️", 2)]
    [InlineData("🇮🇩🇯🇵", 4)]
    [InlineData("🫩", 2)]
    public void EmojiSequences_CountTwo_TextStyleSymbolsOne(string text, int weighted) =>
        Assert.Equal(weighted, TweetText.Parse(text).WeightedLength);

    [Theory]
    [InlineData("see acme.co.id/help now", 4 + 23 + 4)]
    [InlineData("see https://example.com/a?b=c", 4 + 23)]
    [InlineData("", 0)]
    public void Urls_CountTwentyThree_WithOrWithoutScheme(string text, int weighted) =>
        Assert.Equal(weighted, TweetText.Parse(text).WeightedLength);

    [Fact]
    public void Exactly280_IsValid_281_IsNot()
    {
        Assert.True(TweetText.Parse(new string('a', 280)).IsValid);
        Assert.False(TweetText.Parse(new string('a', 281)).IsValid);
        Assert.False(TweetText.Parse("").IsValid);
    }
}
