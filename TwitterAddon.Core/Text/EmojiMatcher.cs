using System.Globalization;
using System.Text;

namespace TwitterAddon.Core.Text;

/// <summary>
/// Finds the emoji sequence starting at a position: every RGI sequence of current Unicode emoji data, the
/// longest one winning. Variation selector U+FE0F is optional, as it is for twitter-text ("1⃣", "☺" count
/// as emoji), except for a few lone symbols that read as text in prose (©, ®, ™, ‼, ⁉, ℹ).
/// </summary>
internal static class EmojiMatcher
{
    private const int VariationSelector16 = 0xFE0F;
    private static readonly HashSet<int> TextUnlessSelected = [0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139];
    private static readonly Node Root = Build();

    // The UTF-16 units an emoji can begin with (a BMP code point, or a high surrogate): the counter asks at
    // every character, and most characters are ruled out by this one lookup.
    private static readonly bool[] CanStart = Starts();

    /// <summary>Whether an emoji sequence may begin with this UTF-16 unit; when not, <see cref="MatchLength"/> is 0.</summary>
    public static bool MayStartWith(char c) => CanStart[c];

    /// <summary>The UTF-16 length of the emoji sequence at <paramref name="index"/>, or 0 when there is none.</summary>
    public static int MatchLength(string text, int index)
    {
        if (!CanStart[text[index]])
        {
            return 0;
        }

        var node = Root;
        var position = index;
        var longest = 0;
        var sawSelector = false;
        while (position < text.Length)
        {
            // A lone surrogate (text cut mid-pair) is no emoji: stop there instead of throwing.
            if (Rune.DecodeFromUtf16(text.AsSpan(position), out var rune, out _) != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            if (rune.Value == VariationSelector16 && position > index)
            {
                // Optional anywhere after the first code point; it belongs to the sequence.
                sawSelector = true;
                position += rune.Utf16SequenceLength;
                if (node.IsEnd && (sawSelector || !node.NeedsSelector))
                {
                    longest = position - index;
                }

                continue;
            }

            if (node.Next is null || !node.Next.TryGetValue(rune.Value, out var next))
            {
                break;
            }

            node = next;
            position += rune.Utf16SequenceLength;
            if (node.IsEnd && (!node.NeedsSelector || NextIsSelector(text, position)))
            {
                longest = position - index;
            }
        }

        return longest;
    }

    private static bool NextIsSelector(string text, int position) =>
        position < text.Length && text[position] == (char)VariationSelector16;

    private static bool[] Starts()
    {
        var starts = new bool[char.MaxValue + 1];
        foreach (var codePoint in Root.Next!.Keys)
        {
            starts[new Rune(codePoint).ToString()[0]] = true;
        }

        return starts;
    }

    private static Node Build()
    {
        var root = new Node();
        foreach (var line in EmbeddedData.Lines("rgi-emoji.txt"))
        {
            var codePoints = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(hex => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
                .Where(cp => cp != VariationSelector16)
                .ToArray();
            var node = root;
            foreach (var codePoint in codePoints)
            {
                node.Next ??= [];
                if (!node.Next.TryGetValue(codePoint, out var child))
                {
                    node.Next[codePoint] = child = new Node();
                }

                node = child;
            }

            node.IsEnd = true;
            node.NeedsSelector = codePoints.Length == 1 && TextUnlessSelected.Contains(codePoints[0]);
        }

        return root;
    }

    private sealed class Node
    {
        public Dictionary<int, Node>? Next { get; set; }

        public bool IsEnd { get; set; }

        public bool NeedsSelector { get; set; }
    }
}
