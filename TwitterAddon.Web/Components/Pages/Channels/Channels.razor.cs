using Microsoft.AspNetCore.Components;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;

namespace TwitterAddon.Web.Components.Pages.Channels;

/// <summary>The channel list with its editor; the rules are <see cref="ChannelService"/>'s.</summary>
public sealed partial class Channels
{
    private AccountSummary? account;
    private IReadOnlyList<ChannelSummary> channels = [];
    private ChannelKind? editorKind;
    private ChannelSummary? editing;
    private string? newApiKey;
    private string? notice;
    private bool loading = true;

    [Inject] private AccountService Accounts { get; set; } = default!;

    [Inject] private ChannelService ChannelService { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        account = await Accounts.GetAsync(CancellationToken.None);
        await ReloadAsync();
        loading = false;
    }

    private async Task ReloadAsync() => channels = await ChannelService.ListAsync(CancellationToken.None);

    private void Open(ChannelKind kind, ChannelSummary? existing)
    {
        notice = null;
        if (existing is null && channels.Any(c => c.Kind == kind))
        {
            // Said before the form is filled in, not after.
            notice = $"The account already has its {ChannelService.Describe(kind)} channel: X sends each event once, so a second one would get nothing. Edit the existing one.";
            return;
        }

        (editorKind, editing) = (kind, existing);
    }

    private void Close() => (editorKind, editing) = (null, null);

    private async Task SavedAsync(string? apiKey)
    {
        newApiKey = apiKey ?? newApiKey;
        Close();
        await ReloadAsync();
    }
}
