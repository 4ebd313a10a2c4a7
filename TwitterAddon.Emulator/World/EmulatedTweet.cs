namespace TwitterAddon.Emulator.World;

/// <summary>A tweet as the emulator keeps it; the X JSON shape is built from it by <c>TweetJson</c>.</summary>
public sealed record EmulatedTweet
{
    public required string Id { get; init; }

    public required string AuthorId { get; init; }

    /// <summary>The whole text, including the leading reply mentions X adds.</summary>
    public required string FullText { get; init; }

    /// <summary>Code point offsets of the part a person typed (after the leading reply mentions).</summary>
    public required int DisplayStart { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? InReplyToStatusId { get; init; }

    public string? InReplyToUserId { get; init; }

    public string? QuotedStatusId { get; init; }

    public string? RetweetedStatusId { get; init; }

    public string? SourceAppId { get; init; }

    /// <summary>What the author typed: the text after X's leading reply mentions.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TypedText => FullText[CodePoints.Take(FullText, DisplayStart).Length..];
}
