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

/// <summary>Begin Setup: X's portal steps (each can be skipped), then the keys, then Save = connect.</summary>
public sealed partial class SetupWizard
{
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
