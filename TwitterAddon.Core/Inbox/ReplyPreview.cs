using System.Globalization;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Text;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// What a reply will be on X, computed the same way by the composer (live, as the agent types) and by the
/// outbox before queueing: the agent's words, what the channel adds to a mention reply (" - J.D" and the DM deep
/// link, when the channel says so), and the length as X counts it (twitter-text v3 for tweets, characters for DMs).
/// </summary>
public sealed record ReplyPreview(ChannelKind Kind, string Words, string Suffix, int Length, int Limit, int WordsThatFit)
{
    public const int TweetLimit = 280;
    public const int WarningThreshold = 20;

    /// <summary>As X counts it; for an empty box, what the channel's additions take of the 280 before the agent writes a word.</summary>
    public int Remaining => Limit - Length;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Words);

    public bool IsOver => Length > Limit;

    public bool CanSend => !IsEmpty && !IsOver;

    /// <summary>Under 20 left: the composer warns before the agent runs out.</summary>
    public bool IsNearLimit => !IsOver && Remaining < WarningThreshold;

    /// <summary>The text X will get; nothing until the agent has written something.</summary>
    public string FinalText => IsEmpty ? "" : Words + Suffix;

    /// <summary>The agent's words that fit; the rest (<see cref="WordsOver"/>) is what they must cut.</summary>
    public string WordsThatAreKept => Words[..WordsThatFit];

    public string WordsOver => Words[WordsThatFit..];

    public static ReplyPreview For(ChannelKind kind, string? agentText, ReplySettings settings)
    {
        var text = agentText ?? "";
        if (kind == ChannelKind.DirectMessage)
        {
            return new ReplyPreview(kind, text, "", text.Length, Message.MaxTextLength, Math.Min(text.Length, Message.MaxTextLength));
        }

        var words = text.Trim();
        var suffix = MentionReplyText.Suffix(settings.AccountUserId, settings.AgentName, settings.DmDeepLink, settings.AgentInitial);
        // An empty box already shows what the channel reserves, so the agent knows the room left from the start.
        var length = TweetText.Parse(words.Length == 0 ? suffix : words + suffix).WeightedLength;
        var fit = length > TweetLimit ? WordsThatFitWith(words, suffix) : words.Length;
        return new ReplyPreview(kind, words, suffix, length, TweetLimit, fit);
    }

    /// <summary>
    /// The longest start of the agent's words (whole characters) that, with the suffix, X accepts: the agent's own
    /// last characters are what is too long, never the initials or the link the channel adds.
    /// </summary>
    private static int WordsThatFitWith(string words, string suffix)
    {
        var starts = StringInfo.ParseCombiningCharacters(words);
        var (low, high) = (0, starts.Length); // prefixes ending before starts[i]; starts.Length means "all words"
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            var prefix = words[..(middle == starts.Length ? words.Length : starts[middle])];
            if (TweetText.Parse(prefix.TrimEnd() + suffix).WeightedLength <= TweetLimit)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        // A link cut short weighs by its characters, whole it weighs 23: the weights are not quite monotone, so the
        // answer is checked and moved back until the kept words really fit.
        while (low > 0 && TweetText.Parse(words[..starts[low]].TrimEnd() + suffix).WeightedLength > TweetLimit)
        {
            low--;
        }

        return low == starts.Length ? words.Length : starts[low];
    }
}

/// <summary>The channel's toggles and who is replying: what turns the agent's words into the posted text.</summary>
public sealed record ReplySettings(string AccountUserId, string AgentName, bool DmDeepLink, bool AgentInitial);
