using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using TwitterAddon.Core.Team;
using TwitterAddon.Web.Components.Common;

namespace TwitterAddon.Web.Components.Pages.Team;

public sealed partial class Team
{
    private IReadOnlyList<TeamMemberSummary>? members;
    private NewTeamMember newMember = new();
    private MudForm form = default!;
    private int formVersion;
    private string? currentMemberId;
    private string? error;
    private bool saving;

    [Inject] private TeamService TeamService { get; set; } = default!;

    [Inject] private NewTeamMemberValidator Validator { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        currentMemberId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        members = await TeamService.ListAsync(CancellationToken.None);
    }

    private async Task AddAsync()
    {
        error = null;
        // The form draws the messages under the fields; the validator decides. The form's own verdict can be stale: a
        // field still validating the value typed just before the click (the email's look-up) keeps its old error.
        await form.ValidateAsync();
        if (!(await Validator.ValidateAsync(newMember)).IsValid)
        {
            return;
        }

        saving = true;
        try
        {
            var outcome = await TeamService.AddMemberAsync(newMember, currentMemberId!, CancellationToken.None);
            if (!outcome.Succeeded)
            {
                error = outcome.Error;
                return;
            }

            Snackbar.Add($"{newMember.DisplayName.Trim()} can now sign in as {newMember.Role.ToLowerInvariant()}.", Severity.Success);
            // A new form for the next person, untouched: no "Enter the person's name" right after a successful add.
            newMember = new NewTeamMember();
            formVersion++;
            members = await TeamService.ListAsync(CancellationToken.None);
        }
        finally
        {
            saving = false;
        }
    }

    private async Task SetActiveAsync(TeamMemberSummary member, bool active)
    {
        error = null;
        if (!active && !await Dialogs.ConfirmAsync(
                "Deactivate " + member.DisplayName + "?",
                $"{member.DisplayName} is signed out at once and cannot sign in until an admin reactivates them. Their replies stay in the inbox.",
                "Deactivate"))
        {
            return;
        }

        var outcome = await TeamService.SetActiveAsync(member.Id, active, currentMemberId!, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            error = outcome.Error;
            return;
        }

        Snackbar.Add(active ? $"{member.DisplayName} can sign in again." : $"{member.DisplayName} is signed out and cannot sign in.",
            active ? Severity.Success : Severity.Info);
        members = await TeamService.ListAsync(CancellationToken.None);
    }
}
