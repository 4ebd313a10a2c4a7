using System.Text;

namespace TwitterAddon.Emulator.World;

/// <summary>X's entity indices and display_text_range count Unicode code points, not UTF-16 units.</summary>
public static class CodePoints
{
    public static int Count(string text) => text.EnumerateRunes().Count();

    /// <summary>The code point offset of a UTF-16 index.</summary>
    public static int OffsetOf(string text, int utf16Index) => Count(text[..utf16Index]);

    /// <summary>The first <paramref name="count"/> code points of the text.</summary>
    public static string Take(string text, int count)
    {
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes().Take(count))
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
