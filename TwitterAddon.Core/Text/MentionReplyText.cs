namespace TwitterAddon.Core.Text;

/// <summary>
/// The text a mention reply is posted with: the agent's words, then " - J.D" when Agent Initial is on, then the
/// DM deep link when DM Deeplink is on. The link goes last because X shows its "Send a private message"
/// button only for a deep link that ends the tweet.
/// </summary>
public static class MentionReplyText
{
    public static string DeepLink(string accountUserId) => $"https://twitter.com/messages/compose?recipient_id={accountUserId}";

    public static string Compose(string text, string accountUserId, string agentName, bool dmDeepLink, bool agentInitial)
    {
        var result = text.TrimEnd();
        if (agentInitial && AgentInitials.Of(agentName) is { Length: > 0 } initials)
        {
            result += " " + initials;
        }

        if (dmDeepLink)
        {
            result += " " + DeepLink(accountUserId);
        }

        return result.TrimStart();
    }
}
