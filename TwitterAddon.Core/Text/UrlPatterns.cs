using System.Text.RegularExpressions;

namespace TwitterAddon.Core.Text;

/// <summary>
/// twitter-text's URL regular expressions (src/regexp/*.js of twitter-text 3.1), built once. The pieces keep
/// twitter-text's names so a reader can hold them side by side with the original.
/// </summary>
internal static class UrlPatterns
{
    private const string LatinAccentChars =
        @"\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF";

    private const string CyrillicLettersAndMarks = @"\u0400-\u04FF";
    private const string Spaces = @"\u0009-\u000D\u0020\u0085\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";
    private const string InvalidChars = @"\uFFFE\uFEFF\uFFFF";
    private const string DirectionalMarkers = @"\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069";
    private const string Punctuation = @"!'#%&'()*+,\\\-./:;<=>?@\[\]\^_{|}~$";
    private const string DomainChars = "[^" + Punctuation + Spaces + InvalidChars + DirectionalMarkers + "]";
    private const string Subdomain = "(?:(?:" + DomainChars + "(?:[_-]|" + DomainChars + ")*)?" + DomainChars + @"\.)";
    private const string DomainName = "(?:(?:" + DomainChars + "(?:-|" + DomainChars + ")*)?" + DomainChars + @"\.)";
    private const string Punycode = "(?:xn--[-0-9a-z]+)";
    private const string PortNumber = "[0-9]+";
    private const string GeneralPathChars = "[a-z" + CyrillicLettersAndMarks + @"0-9!*';:=+,.$/%#\[\]\-\u2013_~&|@" + LatinAccentChars + "]";
    private const string BalancedParens =
        @"\((?:" + GeneralPathChars + "+|(?:" + GeneralPathChars + @"*\(" + GeneralPathChars + @"+\)" + GeneralPathChars + @"*))\)";

    private const string PathEndingChars = @"[+\-a-z" + CyrillicLettersAndMarks + "0-9=_#/" + LatinAccentChars + "]|(?:" + BalancedParens + ")";
    private const string Path =
        "(?:(?:" + GeneralPathChars + "*(?:" + BalancedParens + GeneralPathChars + "*)*" + PathEndingChars + ")|(?:@" + GeneralPathChars + "+/))";

    private const string QueryChars = @"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]";
    private const string QueryEndingChars = @"[a-z0-9\-_&=#/]";
    private const string PrecedingChars = "(?:[^A-Za-z0-9@\uFF20$#\uFF03" + InvalidChars + "]|[" + DirectionalMarkers + "]|^)";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly string TopLevelDomain =
        $"(?:(?:{Alternation("tld-generic.txt")})(?=[^a-z0-9@+-]|$))|(?:(?:{Alternation("tld-country.txt")})(?=[^a-z0-9@+-]|$))|{Punycode}";

    /// <summary>$1 preceding character, $2 the URL, $3 scheme, $4 domain, $5 port, $6 path, $7 query.</summary>
    public static readonly Regex ExtractUrl = new(
        $"({PrecedingChars})((https?://)?((?:{Subdomain}*{DomainName}(?:{TopLevelDomain})))(?::({PortNumber}))?(/{Path}*)?(\\?{QueryChars}*{QueryEndingChars})?)",
        Options);

    public static readonly Regex AsciiDomain = new($@"(?:(?:[\-a-z0-9{LatinAccentChars}]+)\.)+(?:{TopLevelDomain})", Options);

    public static readonly Regex TcoUrl = new($@"^https?://t\.co/([a-z0-9]+)(?:\?{QueryChars}*{QueryEndingChars})?", Options);

    public static readonly Regex InvalidPrecedingCharsWithoutScheme = new(@"[-_./]$", Options);

    /// <summary>
    /// The TLD list as a trie-shaped pattern ("c(?:o(?:m|op)?|a)..."): the engine picks a branch by each next
    /// letter instead of trying some 1,500 alternatives one by one (that made every URL cost ~100 us). A word
    /// that extends another is tried first, as longest-first alternation would.
    /// </summary>
    private static string Alternation(string file)
    {
        var root = new TrieNode();
        foreach (var tld in EmbeddedData.Lines(file))
        {
            var node = root;
            foreach (var c in tld)
            {
                node = node.Children.TryGetValue(c, out var next) ? next : node.Children[c] = new TrieNode();
            }

            node.Terminal = true;
        }

        return Render(root);
    }

    private static string Render(TrieNode node)
    {
        var branches = node.Children.OrderBy(c => c.Key).Select(c => Regex.Escape(c.Key.ToString()) + Render(c.Value)).ToList();
        if (branches.Count == 0)
        {
            return "";
        }

        var alternation = branches.Count == 1 ? branches[0] : "(?:" + string.Join("|", branches) + ")";
        // A greedy "?" tries the longer words through this node before stopping here.
        return node.Terminal ? "(?:" + alternation + ")?" : alternation;
    }

    private sealed class TrieNode
    {
        public SortedDictionary<char, TrieNode> Children { get; } = [];

        public bool Terminal { get; set; }
    }
}
