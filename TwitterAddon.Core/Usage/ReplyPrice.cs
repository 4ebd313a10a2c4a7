using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Text;

namespace TwitterAddon.Core.Usage;

/// <summary>What one reply costs on X, and why: the reply box shows it beside the count, the outbox counts it once sent.</summary>
/// <param name="AtUrlPrice">A link in the reply (the DM deep link or one the agent typed) moves it to X's price of a post with a URL.</param>
/// <param name="WithoutLinkMicros">What the same reply would cost without its link.</param>
public sealed record ReplyPrice(UsageKind Kind, long PriceMicros, bool AtUrlPrice, long WithoutLinkMicros)
{
    public static ReplyPrice Of(ChannelKind channel, string finalText, UsageSettings settings)
    {
        var kind = KindOf(channel, finalText);
        var price = settings.PriceOf(kind);
        var withoutLink = kind == UsageKind.MentionReplyWithLinkSent ? settings.PriceOf(UsageKind.MentionReplySent) : price;
        return new ReplyPrice(kind, price, price != withoutLink, withoutLink);
    }

    /// <summary>A link as twitter-text finds it, the same X would shorten and price.</summary>
    public static UsageKind KindOf(ChannelKind channel, string text) =>
        channel == ChannelKind.DirectMessage ? UsageKind.DirectMessageReplySent
        : UrlExtractor.Extract(text).Count > 0 ? UsageKind.MentionReplyWithLinkSent
        : UsageKind.MentionReplySent;

    /// <summary>Beside the count: what X charges for this reply.</summary>
    public string Label => $"{Usd.Format(PriceMicros)} on X";

    /// <summary>Said before Send when a link changes the price; null otherwise.</summary>
    public string? LinkNote => AtUrlPrice
        ? $"This reply carries a link, which X prices as a post with a URL: {Usd.Format(PriceMicros)} instead of {Usd.Format(WithoutLinkMicros)}."
        : null;
}
