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

    public static List<ExtractedUrl> Extract(string text)
    {
        var urls = new List<ExtractedUrl>();
        if (string.IsNullOrEmpty(text) || !text.Contains('.', StringComparison.Ordinal))
        {
            return urls;
        }

        foreach (var candidate in UrlScanner.Candidates(text))
        {
            var (before, url, scheme, domain, path) = (candidate.Before, candidate.Url, candidate.Scheme, candidate.Domain, candidate.Path);
            var end = candidate.End;
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
            if (IsTco(url) && UrlPatterns.TcoUrl.Match(url) is { Success: true } tco)
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

    /// <summary>Without a scheme only ASCII domains count, and not right after "-", "_", "." or "/".</summary>
    private static void AddWithoutScheme(List<ExtractedUrl> urls, string before, string url, string domain, string path, int start, int end)
    {
        if (before is "-" or "_" or "." or "/")
        {
            return;
        }

        ExtractedUrl? last = null;
        foreach (var (ascii, asciiStart) in UrlScanner.AsciiDomains(domain))
        {
            last = new ExtractedUrl(ascii, start + asciiStart, start + asciiStart + ascii.Length);
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
        var dots = 0;
        foreach (var range in domain.AsSpan().Split('.'))
        {
            // Most labels are ASCII already: only the others are encoded (IDNA), which needs a string.
            var encodedLength = System.Text.Ascii.IsValid(domain.AsSpan(range)) ? range.End.Value - range.Start.Value : ToAscii(domain[range])?.Length ?? 0;
            if (encodedLength < 1 || encodedLength > MaxDomainLabelLength)
            {
                return false;
            }

            asciiLength += encodedLength;
            dots++;
        }

        asciiLength += dots - 1;
        return scheme.Length + url.Length + asciiLength - domain.Length <= MaxUrlLength;
    }

    private static bool IsTco(string url) =>
        url.StartsWith("https://t.co/", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://t.co/", StringComparison.OrdinalIgnoreCase);

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
