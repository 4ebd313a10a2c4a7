namespace TwitterAddon.Core.Text;

/// <summary>
/// Finds what twitter-text's URL regex matches, by hand where the regex was slow: the preceding character,
/// the scheme and the domain (labels, then the TLD found by set lookup), with only the port, path and query
/// left to a small regex (<see cref="UrlPatterns.Tail"/>). It follows the regex's own order of trying, so it
/// returns the same matches: the conformance suite checks that.
/// </summary>
internal static class UrlScanner
{
    /// <summary>The regex's matches, searched only inside whitespace-separated words that hold a "." (every URL has one).</summary>
    public static IEnumerable<UrlCandidate> Candidates(string text)
    {
        var wordStart = 0;
        while (wordStart < text.Length)
        {
            while (wordStart < text.Length && IsSpace(text[wordStart]))
            {
                wordStart++;
            }

            var wordEnd = wordStart;
            while (wordEnd < text.Length && !IsSpace(text[wordEnd]))
            {
                wordEnd++;
            }

            if (text.AsSpan(wordStart, wordEnd - wordStart).Contains('.'))
            {
                // From the space before the word, which may be the URL's preceding character.
                var position = Math.Max(0, wordStart - 1);
                while (position < wordEnd)
                {
                    if (MatchAt(text, position, wordEnd) is { } candidate)
                    {
                        yield return candidate;
                        position = candidate.End;
                    }
                    else
                    {
                        position++;
                    }
                }
            }

            wordStart = wordEnd;
        }
    }

    /// <summary>
    /// (?:(?:[\-a-z0-9latin]+)\.)+TLD, every match left to right: the ASCII domains inside a URL written
    /// without a scheme (only those count there).
    /// </summary>
    public static List<(string Value, int Index)> AsciiDomains(string domain)
    {
        var found = new List<(string, int)>();
        var start = 0;
        while (start < domain.Length)
        {
            if (AsciiDomainAt(domain, start) is > 0 and var length)
            {
                found.Add((domain.Substring(start, length), start));
                start += length;
            }
            else
            {
                start++;
            }
        }

        return found;
    }

    /// <summary>twitter-text's spaces: what can never be part of a URL.</summary>
    public static bool IsSpace(char c) =>
        c is (>= '\u0009' and <= '\u000D') or '\u0020' or '\u0085' or '\u00A0' or '\u1680' or '\u180E'
            or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';

    private static UrlCandidate? MatchAt(string text, int position, int limit)
    {
        // The preceding character is consumed when it may precede a URL; "^" only at the very start of the text.
        if (IsPrecedingChar(text[position]) && UrlAt(text, position + 1, limit) is var (url, scheme, domain, path) && url.Length > 0)
        {
            return new UrlCandidate(position, text[position].ToString(), url, scheme, domain, path);
        }

        return position == 0 && UrlAt(text, 0, limit) is var (atStart, startScheme, startDomain, startPath) && atStart.Length > 0
            ? new UrlCandidate(0, "", atStart, startScheme, startDomain, startPath)
            : null;
    }

    /// <summary>(https?://)?domain(:port)?(/path)?(?query)? at <paramref name="start"/>; an empty URL when there is none.</summary>
    private static (string Url, string Scheme, string Domain, string Path) UrlAt(string text, int start, int limit)
    {
        var scheme = SchemeLength(text, start, limit);
        var domainLength = DomainAt(text, start + scheme, limit);
        if (domainLength == 0)
        {
            // Without the scheme its "http:" would be a label ending in ":", which no domain allows.
            return ("", "", "", "");
        }

        var domainEnd = start + scheme + domainLength;
        // A port, path or query starts with ":", "/" or "?": without one the regex has nothing to add.
        if (domainEnd == limit || text[domainEnd] is not (':' or '/' or '?'))
        {
            return (text.Substring(start, domainEnd - start), text.Substring(start, scheme), text.Substring(start + scheme, domainLength), "");
        }

        // Only the length is needed (no Match object): the path is what follows an optional ":port", up to a "?".
        var tailLength = 0;
        foreach (var tail in UrlPatterns.Tail.EnumerateMatches(text.AsSpan(domainEnd, limit - domainEnd)))
        {
            tailLength = tail.Length;
            break;
        }

        var tailText = text.AsSpan(domainEnd, tailLength);
        var afterPort = tailText.Length > 0 && tailText[0] == ':' ? 1 + CountDigits(tailText[1..]) : 0;
        var path = tailText[afterPort..] is { Length: > 0 } rest && rest[0] == '/' ? rest[..(rest.IndexOf('?') is >= 0 and var q ? q : rest.Length)] : [];
        return (text.Substring(start, domainEnd - start + tailLength), text.Substring(start, scheme),
            text.Substring(start + scheme, domainLength), path.ToString());
    }

    private static int CountDigits(ReadOnlySpan<char> span)
    {
        var count = 0;
        while (count < span.Length && char.IsAsciiDigit(span[count]))
        {
            count++;
        }

        return count;
    }

    private static int SchemeLength(string text, int start, int limit)
    {
        var span = text.AsSpan(start, limit - start);
        return span.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : 0;
    }

    /// <summary>
    /// Subdomain* DomainName TLD, tried as the regex does: as many subdomain labels as possible first, then
    /// fewer; a label is the run up to the next "." (a "." can be in none), starting and ending with a domain
    /// character, with "_" or "-" inside a subdomain and only "-" inside the domain name.
    /// </summary>
    private static int DomainAt(string text, int start, int limit)
    {
        Span<int> dots = stackalloc int[32];
        var labels = 0;
        var labelStart = start;
        Span<bool> nameOk = stackalloc bool[32];
        while (labels < dots.Length)
        {
            var (end, allowsName, allowsSub) = Label(text, labelStart, limit, allowUnderscore: true);
            if (end >= limit || text[end] != '.' || !allowsSub)
            {
                break;
            }

            (dots[labels], nameOk[labels]) = (end, allowsName);
            labels++;
            labelStart = end + 1;
        }

        // Label j is the domain name; labels before it are subdomains; the TLD starts after its dot.
        for (var j = labels - 1; j >= 0; j--)
        {
            if (nameOk[j] && TopLevelDomains.MatchAt(text, dots[j] + 1, limit) is > 0 and var tld)
            {
                return dots[j] + 1 + tld - start;
            }
        }

        return 0;
    }

    /// <summary>The run of label characters from <paramref name="start"/>, and whether it is a valid name or subdomain label.</summary>
    private static (int End, bool AllowsName, bool AllowsSub) Label(string text, int start, int limit, bool allowUnderscore)
    {
        var end = start;
        var hasUnderscore = false;
        while (end < limit && (IsDomainChar(text[end]) || text[end] == '-' || (allowUnderscore && text[end] == '_')))
        {
            hasUnderscore |= text[end] == '_';
            end++;
        }

        var shaped = end > start && IsDomainChar(text[start]) && IsDomainChar(text[end - 1]);
        return (end, shaped && !hasUnderscore, shaped);
    }

    /// <summary>(?:(?:[\-a-z0-9latin]+)\.)+TLD at <paramref name="start"/> of the domain: its length, or 0.</summary>
    private static int AsciiDomainAt(string domain, int start)
    {
        Span<int> dots = stackalloc int[32];
        var labels = 0;
        var position = start;
        while (labels < dots.Length)
        {
            var end = position;
            while (end < domain.Length && IsAsciiDomainChar(domain[end]))
            {
                end++;
            }

            if (end == position || end >= domain.Length || domain[end] != '.')
            {
                break;
            }

            dots[labels++] = end;
            position = end + 1;
        }

        for (var k = labels - 1; k >= 0; k--)
        {
            if (TopLevelDomains.MatchAt(domain, dots[k] + 1, domain.Length) is > 0 and var tld)
            {
                return dots[k] + 1 + tld - start;
            }
        }

        return 0;
    }

    /// <summary>Not punctuation, a space, an invalid character or a directional marker.</summary>
    private static bool IsDomainChar(char c) =>
        !(c is '!' or '\'' or '#' or '%' or '&' or '(' or ')' or '*' or '+' or ',' or '\\' or '-' or '.' or '/' or ':' or ';'
            or '<' or '=' or '>' or '?' or '@' or '[' or ']' or '^' or '_' or '{' or '|' or '}' or '~' or '$'
            || IsSpace(c) || c is '\uFFFE' or '\uFEFF' or '\uFFFF' || IsDirectionalMarker(c));

    private static bool IsDirectionalMarker(char c) => c is (>= '\u202A' and <= '\u202E') or '\u061C' or '\u200E' or '\u200F' or (>= '\u2066' and <= '\u2069');

    /// <summary>[^A-Za-z0-9@＠$#＃] and not an invalid character: what may stand right before a URL.</summary>
    private static bool IsPrecedingChar(char c) =>
        !(char.IsAsciiLetterOrDigit(c) || c is '@' or '\uFF20' or '$' or '#' or '\uFF03' or '\uFFFE' or '\uFEFF' or '\uFFFF');

    private static bool IsAsciiDomainChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '-' || c is (>= '\u00C0' and <= '\u00D6') or (>= '\u00D8' and <= '\u00F6')
            or (>= '\u00F8' and <= '\u024F') or '\u0253' or '\u0254' or '\u0256' or '\u0257' or '\u0259' or '\u025B' or '\u0263'
            or '\u0268' or '\u026F' or '\u0272' or '\u0289' or '\u028B' or '\u02BB' or (>= '\u0300' and <= '\u036F') or (>= '\u1E00' and <= '\u1EFF');
}
