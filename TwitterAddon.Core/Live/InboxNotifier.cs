using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Live;

/// <summary>Conversations or messages changed (a customer wrote, a reply was sent or failed): the inbox redraws.</summary>
public sealed class InboxNotifier(TimeProvider clock, ILogger<InboxNotifier> logger) : ChangeNotifier(clock, logger);
