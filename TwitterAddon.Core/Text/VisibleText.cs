using System.Globalization;
using System.Text;

namespace TwitterAddon.Core.Text;

/// <summary>
/// Text from customers and payloads as agents should read it: characters that change the direction of what follows
/// (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) or are invisible controls are shown as <c>[U+202E]</c>, so a name or a
/// message cannot disguise what it says. Line breaks and tabs stay.
/// </summary>
public static class VisibleText
{
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsHidden))
        {
            return text ?? "";
        }

        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsHidden(c))
            {
                shown.Append("[U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    private static bool IsHidden(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
}
