using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Accounts.Connections;
using TwitterAddon.Core.Validation;
using TwitterAddon.Web.Identity;

namespace TwitterAddon.Web.Components.Pages.Setup;

public sealed partial class AccountDetails
{
    private string envLabel = "";
    private string? message;
    private bool failed;
    private bool busy;
    private bool confirmDisconnect;
    private SubscriptionState? subscriptions;
    private string? subscriptionsError;

    // The connection the subscriptions were read for. The page redraws on every event and CRC; asking X again
    // (a billed call on Pay-per-use) and resetting the Env Label box wait for the connection itself to change.
    private (AccountTier, string, string?)? loadedFor;

    [Parameter, EditorRequired] public AccountSummary Account { get; set; } = default!;

    [Parameter] public EventCallback Changed { get; set; }

    [Inject] private AccountService Accounts { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IEnumerable<(string Label, string Value)> Rows =>
    [
        ("Account", $"{Account.Name} (@{Account.ScreenName})"),
        ("X user id", Account.UserId),
        ("API Key", Account.ConsumerKey),
        ("Secrets", "Stored encrypted; not shown"),
        ("Tier", Account.Tier.Label()),
        ("API", Account.Tier.UsesApiV2() ? "X API v2: v2 webhooks and the X Activity API" : "v1.1 premium Account Activity API (legacy)"),
        (Account.Tier.UsesApiV2() ? "Env Label (subscription tag)" : "Env Label", Account.EnvLabel),
        ("Webhook URL", Account.WebhookUrl),
        ("Webhook id", Account.WebhookId ?? "none"),
        ("Webhook", Account.WebhookGone ? "Gone at X: Register again (above) puts it back"
            : Account.WebhookValid ? "Valid" : "Invalid: X delivers nothing until it is re-validated"),
        ("Subscription", Account.SubscriptionActive ? "Active" : "Not active"),
        ("Missed events", Account.ReplayNote ?? "none asked back from X"),
    ];

    /// <summary>The moments of the connection, each shown in the viewer's time zone (or "never").</summary>
    private IEnumerable<(string Label, DateTimeOffset? At)> Times =>
    [
        ("Missed events asked back", Account.ReplayNoteAt),
        .. Account.ReplayNoteFrom is null ? [] : new (string, DateTimeOffset?)[] { ("Missed events from", Account.ReplayNoteFrom), ("Missed events until", Account.ReplayNoteTo) },
        ("Last CRC answered", Account.LastCrcAt),
        ("Last event through this webhook", Account.LastEventAt),
        ("Last checked with X", Account.LastCheckedAt),
        ("Connected", Account.ConnectedAt),
    ];

    protected override async Task OnParametersSetAsync()
    {
        var connection = (Account.Tier, Account.EnvLabel, Account.WebhookId);
        if (loadedFor == connection)
        {
            return;
        }

        loadedFor = connection;
        envLabel = Account.EnvLabel;
        (subscriptions, subscriptionsError) = await Accounts.SubscriptionsAsync(CancellationToken.None);
    }

    private Task ChangeTierAsync(AccountTier tier) =>
        RunAsync(actor => Accounts.ChangeTierAsync(tier, actor, CancellationToken.None), $"Tier is now {tier.Label()}.");

    private Task ChangeEnvLabelAsync() =>
        RunAsync(actor => Accounts.ChangeEnvLabelAsync(envLabel, actor, CancellationToken.None), Account.Tier.UsesApiV2()
            ? $"The account's subscriptions now carry the label \"{envLabel.Trim()}\"."
            : $"Events now come from the environment \"{envLabel.Trim()}\".");

    private Task RevalidateAsync() => RunAsync(actor => Accounts.RevalidateWebhookAsync(actor, CancellationToken.None), "X checked the webhook: it is valid.");

    private Task DisconnectAsync() => RunAsync(actor => Accounts.DisconnectAsync(actor, CancellationToken.None), "Disconnected.", always: true);

    /// <param name="always">Reload even on a refusal (disconnect removes the account either way).</param>
    private async Task RunAsync(Func<string, Task<Outcome>> action, string done, bool always = false)
    {
        busy = true;
        try
        {
            var outcome = await action(Actor.Of((await AuthenticationState).User));
            failed = !outcome.Succeeded;
            message = outcome.Succeeded ? done : outcome.Error;
            if (outcome.Succeeded || always)
            {
                // What X holds may have changed even where the connection did not (a re-validation): read it again.
                loadedFor = null;
                await Changed.InvokeAsync();
            }
        }
        finally
        {
            busy = false;
        }
    }
}
