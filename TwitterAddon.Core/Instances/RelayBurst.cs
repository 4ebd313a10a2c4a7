namespace TwitterAddon.Core.Instances;

/// <summary>
/// A burst of changes as few messages: each wake-up and Setup redraw once, the inbox's conversations as one list (or
/// "everything"), the secrets in order (a set then a forget of one key must arrive as such).
/// </summary>
internal static class RelayBurst
{
    public static IEnumerable<RelayMessage> Merge(IReadOnlyList<RelayMessage> burst)
    {
        if (burst.Count == 0)
        {
            yield break;
        }

        var instance = burst[0].Instance;
        HashSet<int>? conversations = [];
        var inboxChanged = false;
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in burst)
        {
            if (message.Kind == RelayMessage.Inbox)
            {
                inboxChanged = true;
                if (conversations is not null && message.ConversationIds() is { } ids)
                {
                    conversations.UnionWith(ids);
                }
                else
                {
                    conversations = null;
                }
            }
            else if (message.Kind == RelayMessage.Secret || sent.Add(message.Kind))
            {
                yield return message;
            }
        }

        if (inboxChanged)
        {
            yield return RelayMessage.InboxChanged(instance, conversations);
        }
    }
}
