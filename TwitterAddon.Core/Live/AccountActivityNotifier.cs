using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Live;

/// <summary>X just called (an event stored, a CRC answered) or the account's state changed: the Setup page redraws.</summary>
public sealed class AccountActivityNotifier(TimeProvider clock, ILogger<AccountActivityNotifier> logger) : ChangeNotifier(clock, logger, TimeSpan.FromMilliseconds(150))
{
    public void Notify() => Signal();
}
