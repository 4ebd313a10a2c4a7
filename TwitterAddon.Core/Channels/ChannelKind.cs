namespace TwitterAddon.Core.Channels;

/// <summary>The two channels of the product: X Direct Messages, and tweets that mention the account.</summary>
public enum ChannelKind
{
    DirectMessage,
    Mention,
}
