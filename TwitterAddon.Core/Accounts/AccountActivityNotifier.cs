using TwitterAddon.Core.Live;

namespace TwitterAddon.Core.Accounts;

/// <summary>X just called (an event stored, a CRC answered): the Setup page redraws its account card.</summary>
public sealed class AccountActivityNotifier : ChangeNotifier;
