using System.Text.RegularExpressions;

namespace TwitterAddon.Core.Text;

/// <summary>
/// twitter-text's URL regular expressions (src/regexp/*.js of twitter-text 3.1) for what follows a URL's
/// domain, built once; <see cref="UrlScanner"/> does the domain by hand. The pieces keep twitter-text's names
/// so a reader can hold them side by side with the original.
/// </summary>
internal static class UrlPatterns
{
    private const string LatinAccentChars =
        @"\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF";

    private const string CyrillicLettersAndMarks = @"\u0400-\u04FF";
    private const string PortNumber = "[0-9]+";
    private const string GeneralPathChars = "[a-z" + CyrillicLettersAndMarks + @"0-9!*';:=+,.$/%#\[\]\-\u2013_~&|@" + LatinAccentChars + "]";
    private const string BalancedParens =
        @"\((?:" + GeneralPathChars + "+|(?:" + GeneralPathChars + @"*\(" + GeneralPathChars + @"+\)" + GeneralPathChars + @"*))\)";

    private const string PathEndingChars = @"[+\-a-z" + CyrillicLettersAndMarks + "0-9=_#/" + LatinAccentChars + "]|(?:" + BalancedParens + ")";
    private const string Path =
        "(?:(?:" + GeneralPathChars + "*(?:" + BalancedParens + GeneralPathChars + "*)*" + PathEndingChars + ")|(?:@" + GeneralPathChars + "+/))";

    private const string QueryChars = @"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]";
    private const string QueryEndingChars = @"[a-z0-9\-_&=#/]";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>What follows the domain: $1 the port, $2 the path, $3 the query (<see cref="UrlScanner"/> finds the rest).</summary>
    public static readonly Regex Tail = new($"\\G(?::({PortNumber}))?(/{Path}*)?(\\?{QueryChars}*{QueryEndingChars})?", Options);

    public static readonly Regex TcoUrl = new($@"^https?://t\.co/([a-z0-9]+)(?:\?{QueryChars}*{QueryEndingChars})?", Options);
}
