using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Emulator;
using TwitterAddon.Emulator.World;
using TwitterAddon.Web.Identity;

namespace TwitterAddon.Web.Components.Pages.Setup;

/// <summary>Begin Setup: X's portal steps (Back and Next), then the keys, then Save = connect.</summary>
public sealed partial class SetupWizard
{
    // The steps the admin has moved past, by position: ticked in the stepper; cleared when the tier (and so the guide) changes.
    private readonly HashSet<int> done = [];
    private readonly SetupForm form = new();
    private MudForm formRef = default!;
    private int stepIndex;
    private bool saving;
    private ConnectStep? current;
    private ConnectProgressReport? verified;
    private ConnectStep? failedStep;
    private string? message;
    private string? webhookToReplace;

    [Parameter] public EventCallback Connected { get; set; }

    [Parameter] public EventCallback Cancelled { get; set; }

    [Inject] private AccountConnector Connector { get; set; } = default!;

    [Inject] private SetupFormValidator Validator { get; set; } = default!;

    [Inject] private WebhookAddress Address { get; set; } = default!;

    [Inject] private IOptions<EmulatorOptions> Emulator { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool EmulatorOn => Emulator.Value.Enabled;

    private AccountTier Tier
    {
        get => form.Tier;
        set
        {
            if (value != form.Tier)
            {
                // Another tier, another guide: what was ticked was another step.
                done.Clear();
                form.Tier = value;
            }
        }
    }

    /// <summary>The last step, Connect: the tier's choice, the guide's steps, then it.</summary>
    private int ConnectIndex => SetupGuide.For(form.Tier).Count + 1;

    /// <summary>Moving on (Next or a later step's title) ticks the steps left behind.</summary>
    private Task LeavingStepAsync(StepperInteractionEventArgs change)
    {
        if (change.Action == StepAction.Activate)
        {
            Tick(change.StepIndex);
        }

        return Task.CompletedTask;
    }

    private void GoTo(int index)
    {
        Tick(index);
        stepIndex = Math.Clamp(index, 0, ConnectIndex);
    }

    private void Tick(int target)
    {
        for (var step = stepIndex; step < target; step++)
        {
            done.Add(step);
        }
    }

    /// <summary>X's developer console, a link wherever a guide line names it.</summary>
    private const string Console = "developer.x.com";

    /// <summary>A guide line around the console's address: the text before it, and after it (null when not named).</summary>
    private static (string Before, string? After) AroundConsole(string line) =>
        line.IndexOf(Console, StringComparison.Ordinal) is var at and >= 0 ? (line[..at], line[(at + Console.Length)..]) : (line, null);

    private string WebhookUrlPattern => Address.For("…");

    private IReadOnlyList<string> WebhookWarnings => WebhookAddress.WhyXWouldReject(Address.For("key"));

    /// <summary>The demo app works on every tier: on v1.1 its environments are "sandbox" and "premium"; on v2 any label is a tag.</summary>
    private async Task UseSandboxCredentials()
    {
        form.ApiKey = SandboxSeed.ConsumerKey;
        form.ApiKeySecret = SandboxSeed.ConsumerSecret;
        form.AccessToken = SandboxSeed.AccessToken;
        form.AccessTokenSecret = SandboxSeed.AccessTokenSecret;
        form.EnvLabel = SandboxSeed.EnvLabelFor(form.Tier);
        // Re-check at once, so messages from an earlier Save do not linger on the values just filled in.
        await formRef.ValidateAsync();
        message = null;
    }

    private async Task SaveAsync(bool replaceForeignWebhook)
    {
        await formRef.ValidateAsync();
        if (!formRef.IsValid)
        {
            return;
        }

        saving = true;
        message = null;
        webhookToReplace = null;
        failedStep = null;
        verified = null;
        var actor = Actor.Of((await AuthenticationState).User);
        var progress = new Progress<ConnectProgressReport>(report =>
        {
            current = report.Step;
            verified = report.ScreenName is null ? verified : report;
            StateHasChanged();
        });
        try
        {
            var outcome = await Connector.ConnectAsync(form, actor, replaceForeignWebhook, progress, CancellationToken.None);
            if (outcome.Succeeded)
            {
                await Connected.InvokeAsync();
                return;
            }

            failedStep = outcome.FailedStep;
            current = null;
            message = outcome.Message;
            webhookToReplace = outcome.WebhookToReplace;
        }
        finally
        {
            saving = false;
        }
    }
}
