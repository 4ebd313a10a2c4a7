using TwitterAddon.Core.Live;

namespace TwitterAddon.Core.Inbox;

/// <summary>Conversations or messages changed (a customer wrote, a reply was sent or failed): the inbox redraws.</summary>
public sealed class InboxNotifier : ChangeNotifier;
