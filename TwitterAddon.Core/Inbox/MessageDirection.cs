namespace TwitterAddon.Core.Inbox;

public enum MessageDirection
{
    /// <summary>From the customer.</summary>
    Inbound,

    /// <summary>From the account: an agent's reply, or something sent from X's own app.</summary>
    Outbound,
}
