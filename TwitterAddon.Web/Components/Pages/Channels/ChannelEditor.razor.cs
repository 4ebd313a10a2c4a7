using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Web.Identity;

namespace TwitterAddon.Web.Components.Pages.Channels;

/// <summary>Add or edit one channel; what is checked and saved is <see cref="ChannelService"/>'s business.</summary>
public sealed partial class ChannelEditor
{
    private readonly ChannelForm form = new();
    private MudForm formRef = default!;
    private MudFileUpload<IBrowserFile> upload = default!;
    private string? iconError;
    private string? error;
    private bool saving;

    [Parameter, EditorRequired] public ChannelKind Kind { get; set; }

    [Parameter] public ChannelSummary? Existing { get; set; }

    [Parameter, EditorRequired] public AccountSummary Account { get; set; } = default!;

    /// <summary>Called after a save, with the new API key when one was made.</summary>
    [Parameter] public EventCallback<string?> Saved { get; set; }

    [Parameter] public EventCallback Cancelled { get; set; }

    [Inject] private ChannelService ChannelService { get; set; } = default!;

    [Inject] private ChannelFormValidator Validator { get; set; } = default!;

    [Inject] private IntermediaryReceiver Intermediary { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string Title => (Existing is null ? "Add " : "Edit ") + ChannelService.Describe(Kind) + " channel";

    /// <summary>The chosen upload's thumbnail (made once, by the form): what will be stored and shown.</summary>
    private string? chosenPreview;

    private string? PreviewUri =>
        form.UseDefaultIcon ? null
        : form.Icon is not null ? chosenPreview
        : Existing?.IconUrl;

    protected override void OnParametersSet()
    {
        if (Existing is { } channel)
        {
            (form.Name, form.InboundType, form.DmDeepLink, form.AgentInitial) =
                (channel.Name, channel.InboundType, channel.DmDeepLink, channel.AgentInitial);
        }
    }

    private async Task IconChosenAsync(IBrowserFile? file)
    {
        iconError = null;
        if (file is null)
        {
            return;
        }

        if (file.Size > ChannelIcon.MaxBytes)
        {
            iconError = "The icon is over 1 MB.";
            return;
        }

        using var buffer = new MemoryStream();
        await file.OpenReadStream(ChannelIcon.MaxBytes).CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        if (ChannelIcon.Detect(bytes) is null)
        {
            iconError = "The icon must be a PNG, JPEG, SVG or WebP image.";
            return;
        }

        var (previousIcon, previousDefault) = (form.Icon, form.UseDefaultIcon);
        (form.Icon, form.UseDefaultIcon) = (bytes, false);
        if (form.Thumbnail is not { } thumbnail)
        {
            // The form keeps what it had before this file was chosen.
            (form.Icon, form.UseDefaultIcon, iconError) = (previousIcon, previousDefault, "The icon cannot be read as an image (damaged, or over 50 megapixels).");
            return;
        }

        chosenPreview = ChannelIcon.DataUri(thumbnail.Bytes, thumbnail.ContentType);
    }

    private void UseDefaultIcon() => (form.Icon, form.UseDefaultIcon) = (null, true);

    private async Task SaveAsync()
    {
        await formRef.ValidateAsync();
        if (!formRef.IsValid)
        {
            return;
        }

        saving = true;
        try
        {
            var actor = Actor.Of((await AuthenticationState).User);
            var outcome = Existing is null
                ? await ChannelService.AddAsync(Kind, form, actor, CancellationToken.None)
                : await ChannelService.UpdateAsync(Existing.Id, form, actor, CancellationToken.None);
            error = outcome.Error;
            if (outcome.Succeeded)
            {
                await Saved.InvokeAsync(outcome.NewApiKey);
            }
        }
        finally
        {
            saving = false;
        }
    }
}
