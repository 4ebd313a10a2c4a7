namespace TwitterAddon.Core.Inbox;

public enum ConversationStatus
{
    Open,
    Resolved,
}
