namespace TwitterAddon.Core.Text;

/// <summary>What twitter-text's URL regex captures: the preceding character, the URL, its scheme, domain and path.</summary>
internal sealed record UrlCandidate(int Index, string Before, string Url, string Scheme, string Domain, string Path)
{
    /// <summary>Where the URL ends (exclusive), and the next search starts.</summary>
    public int End => Index + Before.Length + Url.Length;
}
