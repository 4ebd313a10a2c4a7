namespace TwitterAddon.Core.Text;

/// <summary>
/// The text a mention reply is posted with: the agent's words, then " - J.D" when Agent Initial is on, then the
/// DM deep link when DM Deeplink is on. The link goes last because X shows its "Send a private message"
/// button only for a deep link that ends the tweet.
/// </summary>
public static class MentionReplyText
{
    public static string DeepLink(string accountUserId) => $"https://twitter.com/messages/compose?recipient_id={accountUserId}";

    public static string Compose(string text, string accountUserId, string agentName, bool dmDeepLink, bool agentInitial) =>
        (text.TrimEnd() + Suffix(accountUserId, agentName, dmDeepLink, agentInitial)).TrimStart();

    /// <summary>What the channel adds after the agent's words, each part with its leading space: " - J.D https://…".</summary>
    public static string Suffix(string accountUserId, string agentName, bool dmDeepLink, bool agentInitial)
    {
        var suffix = "";
        if (agentInitial && AgentInitials.Of(agentName) is { Length: > 0 } initials)
        {
            suffix += " " + initials;
        }

        if (dmDeepLink)
        {
            suffix += " " + DeepLink(accountUserId);
        }

        return suffix;
    }
}
