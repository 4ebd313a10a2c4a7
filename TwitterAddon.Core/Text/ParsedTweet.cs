namespace TwitterAddon.Core.Text;

/// <summary>
/// twitter-text's parseTweet result. Ranges are UTF-16 indices into the text as given, end inclusive:
/// the valid range is the part X would accept, the display range the whole text.
/// </summary>
public sealed record ParsedTweet(
    int WeightedLength,
    bool IsValid,
    int Permillage,
    int ValidRangeStart,
    int ValidRangeEnd,
    int DisplayRangeStart,
    int DisplayRangeEnd);
