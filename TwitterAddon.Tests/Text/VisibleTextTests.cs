using TwitterAddon.Core.Text;

namespace TwitterAddon.Tests.Text;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("Jane Doe", "Jane Doe")]
    [InlineData("invoice\u202Efdp.exe", "invoice[U+202E]fdp.exe")]
    [InlineData("\u2067evil\u2069 name", "[U+2067]evil[U+2069] name")]
    [InlineData("a\u200Fb\u061Cc", "a[U+200F]b[U+061C]c")]
    [InlineData("bell\u0007 and nul\u0000", "bell[U+0007] and nul[U+0000]")]
    [InlineData("line one\nline two\ttab", "line one\nline two\ttab")]
    [InlineData("مرحبا بك", "مرحبا بك")]
    public void DirectionControlsAndInvisibleControls_AreShown_OrdinaryTextIsNot(string text, string shown) =>
        Assert.Equal(shown, VisibleText.Of(text));
}
