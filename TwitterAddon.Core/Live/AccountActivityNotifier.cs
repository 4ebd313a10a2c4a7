using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Live;

/// <summary>X just called (an event stored, a CRC answered) or the account's state changed: the Setup page redraws.</summary>
public sealed class AccountActivityNotifier(TimeProvider clock, ILogger<AccountActivityNotifier> logger) : ChangeNotifier(clock, logger, TimeSpan.FromMilliseconds(150))
{
    /// <summary>Fired by each <see cref="Notify"/>: pages on other instances redraw too (InstanceRelay tells them).</summary>
    public event Action? Notified;

    public void Notify()
    {
        Signal();
        Notified?.Invoke();
    }

    /// <summary>Another instance notified: this instance's pages redraw, and the others are not told again.</summary>
    public void NotifyFromAnotherInstance() => Signal();
}
