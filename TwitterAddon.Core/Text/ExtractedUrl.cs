namespace TwitterAddon.Core.Text;

/// <summary>A URL found in text: its text and UTF-16 span (end exclusive).</summary>
public sealed record ExtractedUrl(string Url, int Start, int End);
