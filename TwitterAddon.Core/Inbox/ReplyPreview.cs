using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Text;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// What a reply will be on X, computed the same way by the composer (live, as the agent types) and by the
/// outbox before queueing: the final text (a mention reply gets " - J.D" and the DM deep link when the
/// channel says so) and its length as X counts it (twitter-text v3 for tweets, characters for DMs).
/// </summary>
public sealed record ReplyPreview(ChannelKind Kind, string FinalText, int Length, int Limit, int AcceptedLength)
{
    public const int TweetLimit = 280;
    public const int WarningThreshold = 20;

    public int Remaining => Limit - Length;

    public bool IsEmpty => string.IsNullOrWhiteSpace(FinalText);

    public bool IsOver => Length > Limit;

    public bool CanSend => !IsEmpty && !IsOver;

    /// <summary>Under 20 left: the composer warns before the agent runs out.</summary>
    public bool IsNearLimit => !IsOver && Remaining < WarningThreshold;

    /// <summary>The part of <see cref="FinalText"/> X would accept; the rest is the overflow the composer marks.</summary>
    public string Accepted => FinalText[..AcceptedLength];

    public string Overflow => FinalText[AcceptedLength..];

    public static ReplyPreview For(ChannelKind kind, string? agentText, ReplySettings settings)
    {
        var text = agentText ?? "";
        if (kind == ChannelKind.DirectMessage)
        {
            return new ReplyPreview(kind, text, text.Length, Message.MaxTextLength, Math.Min(text.Length, Message.MaxTextLength));
        }

        // Nothing is appended to an empty reply, so an empty box stays "empty", not "23 characters".
        var final = string.IsNullOrWhiteSpace(text)
            ? ""
            : MentionReplyText.Compose(text, settings.AccountUserId, settings.AgentName, settings.DmDeepLink, settings.AgentInitial);
        var parsed = TweetText.Parse(final);
        var accepted = parsed.WeightedLength > TweetLimit ? parsed.ValidRangeEnd + 1 : final.Length;
        return new ReplyPreview(kind, final, parsed.WeightedLength, TweetLimit, accepted);
    }
}

/// <summary>The channel's toggles and who is replying: what turns the agent's words into the posted text.</summary>
public sealed record ReplySettings(string AccountUserId, string AgentName, bool DmDeepLink, bool AgentInitial);
