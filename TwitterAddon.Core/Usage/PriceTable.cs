namespace TwitterAddon.Core.Usage;

/// <summary>
/// What X charges a pay-per-use app, in millionths of a dollar (<see cref="Usd"/>). Defaults to X's published prices
/// (<see cref="XPublished"/>); an admin may change them when X does, or to what their own invoices show.
/// </summary>
public sealed record PriceTable
{
    /// <summary>A <c>dm.received</c> event.</summary>
    public long DirectMessageReceived { get; init; }

    /// <summary>A post event (mention, reply, quote, repost, the account's own post): billed as a post read.</summary>
    public long PostEvent { get; init; }

    /// <summary>"DM Interaction: Create".</summary>
    public long DirectMessageSent { get; init; }

    /// <summary>A reply to a post that mentions or quotes the account.</summary>
    public long SummonedReply { get; init; }

    /// <summary>A post containing a URL.</summary>
    public long PostWithUrl { get; init; }

    /// <summary>X's prices as docs.x.com listed them (pricing page; URL price from the 2026-04-16 changelog).</summary>
    public static PriceTable XPublished { get; } = new()
    {
        DirectMessageReceived = 10_000, PostEvent = 5_000, DirectMessageSent = 15_000, SummonedReply = 10_000, PostWithUrl = 200_000,
    };

    /// <summary>When <see cref="XPublished"/> was taken from X's pages.</summary>
    public static DateOnly XPublishedOn { get; } = new(2026, 4, 20);

    /// <param name="linkedRepliesPayUrlPrice">
    /// Whether X bills a summoned reply that carries a link at the URL price: X's changelog says "summoned replies remain
    /// $0.01" beside the new URL price, and nothing settles which wins, so it is the admin's setting.
    /// </param>
    public long PriceOf(UsageKind kind, bool linkedRepliesPayUrlPrice) => kind switch
    {
        UsageKind.DirectMessageReceived => DirectMessageReceived,
        UsageKind.MentionReceived or UsageKind.OwnPostReceived => PostEvent,
        UsageKind.DirectMessageReplySent => DirectMessageSent,
        UsageKind.MentionReplySent => SummonedReply,
        _ => linkedRepliesPayUrlPrice ? PostWithUrl : SummonedReply,
    };
}
