using System.Text;

namespace TwitterAddon.Core.Text;

/// <summary>
/// X's weighted tweet length (twitter-text parseTweet, x-api.md 6.2): NFC first, every URL 23, emoji sequences 2,
/// code points by their range weight. The composer, the outbox and the emulator's 186 check all call this.
/// </summary>
public static class TweetText
{
    public static ParsedTweet Parse(string text) => Parse(text, TweetTextConfig.V3);

    public static ParsedTweet Parse(string text, TweetTextConfig config)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(config);
        var normalized = NormalizeC(text);
        var urls = UrlExtractor.Extract(normalized);
        var nextUrl = 0;
        var asciiWeights = config.AsciiWeights;
        var maxScaled = config.MaxWeightedTweetLength * config.Scale;
        long weighted = 0;
        var valid = true;
        var validEnd = 0;
        for (var index = 0; index < normalized.Length; index++)
        {
            var c = normalized[index];
            if (c < 128 && !EmojiMatcher.MayStartWith(c) && (nextUrl == urls.Count || urls[nextUrl].Start != index))
            {
                // The common case, kept short: an ASCII character outside URLs and emoji (all valid characters).
                weighted += asciiWeights[c];
                if (valid && weighted <= maxScaled)
                {
                    validEnd = index;
                }

                continue;
            }

            // URLs come in text order and never overlap.
            if (nextUrl < urls.Count && urls[nextUrl].Start == index)
            {
                weighted += config.TransformedUrlLength * config.Scale;
                index = urls[nextUrl++].End - 1;
            }
            else if (config.EmojiParsingEnabled && EmojiMatcher.MatchLength(normalized, index) is > 0 and var emojiLength)
            {
                weighted += config.DefaultWeight;
                index += emojiLength - 1;
            }
            else
            {
                var codePoint = char.IsSurrogatePair(normalized, index) ? char.ConvertToUtf32(normalized[index], normalized[++index]) : normalized[index];
                weighted += config.WeightOf(codePoint);
            }

            // As twitter-text: the character checked is the last UTF-16 unit of what was just counted.
            valid = valid && !IsInvalidCharacter(normalized[index]);
            if (valid && weighted <= maxScaled)
            {
                validEnd = index;
            }
        }

        var length = (int)(weighted / config.Scale);
        valid = valid && length > 0 && length <= config.MaxWeightedTweetLength;
        return new ParsedTweet(
            WeightedLength: length,
            IsValid: valid,
            Permillage: (int)Math.Floor(length * 1000.0 / config.MaxWeightedTweetLength),
            ValidRangeStart: 0,
            ValidRangeEnd: validEnd + (text.Length - normalized.Length),
            DisplayRangeStart: 0,
            DisplayRangeEnd: text.Length > 0 ? text.Length - 1 : 0);
    }

    /// <summary>
    /// NFC as JavaScript's normalize() does it: .NET refuses a string holding U+FFFE, U+FFFF or a lone
    /// surrogate, so those stay as they are and the runs between them are normalized.
    /// </summary>
    private static string NormalizeC(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            var result = new StringBuilder(text.Length);
            var runStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var pair = char.IsSurrogatePair(text, i);
                if (pair || !(char.IsSurrogate(text[i]) || text[i] is '\uFFFE' or '\uFFFF'))
                {
                    i += pair ? 1 : 0;
                    continue;
                }

                result.Append(text.AsSpan(runStart, i - runStart).ToString().Normalize(NormalizationForm.FormC)).Append(text[i]);
                runStart = i + 1;
            }

            return result.Append(text[runStart..].Normalize(NormalizationForm.FormC)).ToString();
        }
    }

    private static bool IsInvalidCharacter(char c) => c is '\uFFFE' or '\uFEFF' or '\uFFFF';
}
