namespace TwitterAddon.Emulator.World;

/// <summary>A tweet about to be posted, as statuses/update or a Sandbox customer describes it.</summary>
public sealed record TweetDraft(string AuthorId, string Status)
{
    public string? InReplyToStatusId { get; init; }

    /// <summary>Without it (or an @mention of the parent's author) X posts a stand-alone tweet.</summary>
    public bool AutoPopulateReplyMetadata { get; init; }

    public string? QuotedStatusId { get; init; }

    public string? SourceAppId { get; init; }

    /// <summary>Posted through X API v2 with self-serve access: X's reply rule applies.</summary>
    public bool OnlyWhereSummoned { get; init; }
}
