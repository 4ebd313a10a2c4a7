using System.Globalization;

namespace TwitterAddon.Core.Text;

/// <summary>
/// Finds URLs as twitter-text's <c>extractUrlsWithIndices</c> does, with or without a scheme: these are the
/// spans X replaces by a 23-character t.co link. Indices are UTF-16 offsets, end exclusive.
/// </summary>
public static class UrlExtractor
{
    private const int MaxUrlLength = 4096;
    private const int MaxTcoSlugLength = 40;
    private const int MaxDomainLabelLength = 63;
    private const string DefaultScheme = "https://";
    private static readonly IdnMapping Idn = new() { AllowUnassigned = true };

    public static IReadOnlyList<ExtractedUrl> Extract(string text)
    {
        var urls = new List<ExtractedUrl>();
        if (string.IsNullOrEmpty(text) || !text.Contains('.', StringComparison.Ordinal))
        {
            return urls;
        }

        foreach (var match in CandidateMatches(text))
        {
            var position = match.Index + match.Length;
            var before = match.Groups[1].Value;
            var url = match.Groups[2].Value;
            var scheme = match.Groups[3].Value;
            var domain = match.Groups[4].Value;
            var path = match.Groups[6].Value;
            var end = position;
            var start = end - url.Length;
            if (!IsValid(url, scheme.Length > 0 ? scheme : DefaultScheme, domain))
            {
                continue;
            }

            if (scheme.Length == 0)
            {
                AddWithoutScheme(urls, before, url, domain, path, start, end);
                continue;
            }

            // A t.co link ends at its slug: what follows is not part of it.
            if (UrlPatterns.TcoUrl.Match(url) is { Success: true } tco)
            {
                if (tco.Groups[1].Value.Length > MaxTcoSlugLength)
                {
                    continue;
                }

                url = tco.Value;
                end = start + url.Length;
            }

            urls.Add(new ExtractedUrl(url, start, end));
        }

        return urls;
    }

    /// <summary>
    /// The matches twitter-text's global regex loop finds, searched only inside whitespace-separated words that
    /// hold a "." (no part of a URL can be whitespace, and every URL has a dot). Searching the whole text made
    /// the regex backtrack over long runs of domain characters: milliseconds for a 600-character reply.
    /// </summary>
    private static IEnumerable<System.Text.RegularExpressions.Match> CandidateMatches(string text)
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
                while (position < wordEnd && UrlPatterns.ExtractUrl.Match(text, position, wordEnd - position) is { Success: true } match)
                {
                    // "^" matches where a search starts; in twitter-text it only matches at the start of the text.
                    if (match.Groups[1].Length == 0 && match.Index != 0)
                    {
                        position = match.Index + 1;
                        continue;
                    }

                    yield return match;
                    position = match.Index + match.Length;
                }
            }

            wordStart = wordEnd;
        }
    }

    /// <summary>twitter-text's spaces: what can never be part of a URL.</summary>
    private static bool IsSpace(char c) =>
        c is (>= '\u0009' and <= '\u000D') or '\u0020' or '\u0085' or '\u00A0' or '\u1680' or '\u180E'
            or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';

    /// <summary>Without a scheme only ASCII domains count, and not right after "-", "_", "." or "/".</summary>
    private static void AddWithoutScheme(List<ExtractedUrl> urls, string before, string url, string domain, string path, int start, int end)
    {
        if (UrlPatterns.InvalidPrecedingCharsWithoutScheme.IsMatch(before))
        {
            return;
        }

        ExtractedUrl? last = null;
        var asciiEnd = 0;
        foreach (System.Text.RegularExpressions.Match ascii in UrlPatterns.AsciiDomain.Matches(domain))
        {
            var asciiStart = domain.IndexOf(ascii.Value, asciiEnd, StringComparison.Ordinal);
            asciiEnd = asciiStart + ascii.Value.Length;
            last = new ExtractedUrl(ascii.Value, start + asciiStart, start + asciiEnd);
            urls.Add(last);
        }

        if (last is not null && path.Length > 0)
        {
            urls[^1] = new ExtractedUrl(ReplaceFirst(url, domain, last.Url), last.Start, end);
        }
    }

    /// <summary>Every label must encode to 1-63 ASCII characters, and the whole URL to at most 4096.</summary>
    private static bool IsValid(string url, string scheme, string domain)
    {
        var asciiLength = 0;
        foreach (var label in domain.Split('.'))
        {
            var encoded = ToAscii(label);
            if (encoded is null || encoded.Length < 1 || encoded.Length > MaxDomainLabelLength)
            {
                return false;
            }

            asciiLength += encoded.Length;
        }

        asciiLength += domain.Count(c => c == '.');
        return scheme.Length + url.Length + asciiLength - domain.Length <= MaxUrlLength;
    }

    private static string? ToAscii(string label)
    {
        if (label.Length == 0 || label.All(char.IsAscii))
        {
            return label;
        }

        try
        {
            return Idn.GetAscii(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string ReplaceFirst(string text, string search, string replacement)
    {
        var index = text.IndexOf(search, StringComparison.Ordinal);
        return index < 0 ? text : string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + search.Length));
    }
}
