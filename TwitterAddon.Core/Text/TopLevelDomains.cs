namespace TwitterAddon.Core.Text;

/// <summary>
/// twitter-text's TLD lists and how its URL regex picks a TLD at a position: the longest generic TLD followed
/// by a boundary, else the longest country TLD so followed, else a punycode label. Set lookups instead of a
/// 1,500-way alternation inside the regex, which made every call to it cost microseconds.
/// </summary>
internal static class TopLevelDomains
{
    private static readonly HashSet<string> Generic = new(EmbeddedData.Lines("tld-generic.txt"), StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Country = new(EmbeddedData.Lines("tld-country.txt"), StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericLookup = Generic.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CountryLookup = Country.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int GenericMaxLength = Generic.Max(t => t.Length);
    private static readonly int CountryMaxLength = Country.Max(t => t.Length);

    /// <summary>The length of the TLD starting at <paramref name="start"/>, or 0; <paramref name="limit"/> is where the searched text ends.</summary>
    public static int MatchAt(string text, int start, int limit)
    {
        if (Longest(text, start, limit, GenericLookup, GenericMaxLength) is > 0 and var generic)
        {
            return generic;
        }

        if (Longest(text, start, limit, CountryLookup, CountryMaxLength) is > 0 and var country)
        {
            return country;
        }

        return Punycode(text, start, limit);
    }

    private static int Longest(string text, int start, int limit, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> set, int maxLength)
    {
        // (?=[^a-z0-9@+-]|$): a TLD is never followed by a letter, digit, @, + or -. So only the lengths that
        // end at such a boundary can be TLDs; in ASCII text that is one length, not every length up to the longest TLD.
        var longestEnd = Math.Min(start + maxLength, limit);
        for (var end = longestEnd; end > start; end--)
        {
            if ((end == limit || !IsTldContinuation(text[end])) && set.Contains(text.AsSpan(start, end - start)))
            {
                return end - start;
            }
        }

        return 0;
    }

    /// <summary>xn--[-0-9a-z]+ (no boundary check, as in twitter-text).</summary>
    private static int Punycode(string text, int start, int limit)
    {
        if (limit - start < 5 || !text.AsSpan(start, 4).Equals("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var end = start + 4;
        while (end < limit && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-'))
        {
            end++;
        }

        return end > start + 4 ? end - start : 0;
    }

    private static bool IsTldContinuation(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '+' or '-';
}
