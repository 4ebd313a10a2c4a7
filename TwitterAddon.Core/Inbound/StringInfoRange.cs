namespace TwitterAddon.Core.Inbound;

/// <summary>Slices a string by code point indices, as X's ranges and entity indices count (not UTF-16 units).</summary>
internal readonly struct StringInfoRange(string text)
{
    /// <summary>The code points [start, end), clamped to the text so a wrong range never throws.</summary>
    public string Slice(int start, int end)
    {
        var from = Offset(Math.Max(0, start));
        var to = Offset(Math.Max(start, end));
        return text[from..to];
    }

    private int Offset(int codePoints)
    {
        var offset = 0;
        for (var i = 0; i < codePoints && offset < text.Length; i++)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        }

        return offset;
    }
}
