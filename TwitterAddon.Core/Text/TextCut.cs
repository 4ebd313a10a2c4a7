using System.Globalization;

namespace TwitterAddon.Core.Text;

/// <summary>Cutting text to a length without splitting a character (an emoji, a surrogate pair, a letter and its accent).</summary>
public static class TextCut
{
    /// <summary>The longest start of <paramref name="text"/> of at most <paramref name="maxLength"/> UTF-16 units that ends between characters.</summary>
    public static string ToLength(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + ((string)elements.Current).Length <= maxLength)
        {
            end = elements.ElementIndex + ((string)elements.Current).Length;
        }

        // One "character" longer than the limit (a letter under hundreds of combining marks): cut between code points.
        if (end == 0)
        {
            end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        }

        return text[..end];
    }
}
