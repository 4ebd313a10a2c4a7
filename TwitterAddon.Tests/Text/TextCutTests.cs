using TwitterAddon.Core.Text;

namespace TwitterAddon.Tests.Text;

public sealed class TextCutTests
{
    [Theory]
    [InlineData("hello world", 5, "hello")]
    [InlineData("ab\U0001F600cd", 3, "ab")]
    [InlineData("ab\U0001F44D\U0001F3FDcd", 5, "ab")]
    [InlineData("short", 10, "short")]
    public void ACut_EndsBetweenCharacters(string text, int max, string expected) => Assert.Equal(expected, TextCut.ToLength(text, max));

    [Fact]
    public void OneCharacterLongerThanTheLimit_IsCutBetweenCodePoints_NotToNothing()
    {
        var zalgo = "Z" + new string('\u0301', 300);

        var cut = TextCut.ToLength(zalgo, 100);

        Assert.Equal(100, cut.Length);
    }
}
