namespace TwitterAddon.Core.Accounts;

/// <summary>
/// Tells open pages that X just called (an event stored, a CRC answered), so they redraw within a second
/// instead of on reload. A singleton that components subscribe to, as in eShop's WebhookClient.
/// </summary>
public sealed class AccountActivityNotifier
{
    public event Func<Task>? Changed;

    public async Task NotifyAsync()
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
        {
            await handler();
        }
    }
}
