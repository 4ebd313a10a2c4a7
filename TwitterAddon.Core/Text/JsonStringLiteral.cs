using System.Globalization;
using System.Text;

namespace TwitterAddon.Core.Text;

/// <summary>
/// Decodes a JSON string literal that System.Text.Json refuses because an escape names half a surrogate pair
/// (<c>"\udfff"</c>): the text is kept, and each lone half becomes U+FFFD, as a browser would show it.
/// </summary>
public static class JsonStringLiteral
{
    /// <param name="raw">The literal as written in the JSON, quotes included (<c>JsonElement.GetRawText()</c>).</param>
    public static string Decode(string raw)
    {
        var text = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length - 1)
            {
                text.Append(raw[i]);
                continue;
            }

            var escape = raw[++i];
            if (escape == 'u' && i + 4 < raw.Length - 1
                && int.TryParse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                text.Append((char)code);
                i += 4;
                continue;
            }

            text.Append(escape switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => escape,
            });
        }

        return WellFormed(text);
    }

    /// <summary>The text with every unpaired surrogate replaced by U+FFFD.</summary>
    private static string WellFormed(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }
}
