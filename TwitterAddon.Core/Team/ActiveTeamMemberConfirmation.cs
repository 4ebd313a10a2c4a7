using Microsoft.AspNetCore.Identity;

namespace TwitterAddon.Core.Team;

/// <summary>Identity's hook for "may this user sign in": only active members may.</summary>
internal sealed class ActiveTeamMemberConfirmation : IUserConfirmation<TeamMember>
{
    public Task<bool> IsConfirmedAsync(UserManager<TeamMember> manager, TeamMember user) =>
        Task.FromResult(user.IsActive);
}
