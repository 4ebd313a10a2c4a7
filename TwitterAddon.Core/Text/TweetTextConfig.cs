namespace TwitterAddon.Core.Text;

/// <summary>A twitter-text configuration (config/v2.json, v3.json): weights, limit, URL length, emoji parsing.</summary>
public sealed record TweetTextConfig
{
    public int MaxWeightedTweetLength { get; init; } = 280;

    public int Scale { get; init; } = 100;

    public int DefaultWeight { get; init; } = 200;

    public int TransformedUrlLength { get; init; } = 23;

    public bool EmojiParsingEnabled { get; init; }

    /// <summary>Code point ranges (inclusive) weighing <see cref="Weight"/> instead of the default.</summary>
    public IReadOnlyList<(int Start, int End, int Weight)> Ranges { get; init; } =
        [(0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100)];

    /// <summary>The weight of each ASCII character, worked out once: most of any text is ASCII.</summary>
    internal int[] AsciiWeights => field ??= [.. Enumerable.Range(0, 128).Select(WeightOf)];

    /// <summary>The weight of a code point that is not part of a URL or an emoji sequence.</summary>
    internal int WeightOf(int codePoint)
    {
        // An index loop: foreach over the interface would allocate an enumerator for every character.
        for (var i = 0; i < Ranges.Count; i++)
        {
            var (start, end, weight) = Ranges[i];
            if (codePoint >= start && codePoint <= end)
            {
                return weight;
            }
        }

        return DefaultWeight;
    }

    /// <summary>What X counts with today: emoji sequences weigh as one wide character.</summary>
    public static TweetTextConfig V3 { get; } = new() { EmojiParsingEnabled = true };

    /// <summary>The previous configuration: every code point weighed on its own. Kept for the conformance suite.</summary>
    public static TweetTextConfig V2 { get; } = new();
}
