using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Team;

/// <summary>Who may sign in: the first administrator, then the admins and agents they add.</summary>
public sealed partial class TeamService(
    UserManager<TeamMember> users,
    NewTeamMemberValidator validator,
    FirstRunGate firstRunGate,
    TimeProvider clock,
    ILogger<TeamService> logger)
{
    public const string DuplicateEmailMessage = "A team member with this email already exists.";

    public Task<bool> HasAnyMemberAsync(CancellationToken cancellationToken) => users.Users.AnyAsync(cancellationToken);

    /// <summary>Only while nobody exists: afterwards admins are added from the Team page.</summary>
    public async Task<Outcome> CreateFirstAdministratorAsync(NewTeamMember form, CancellationToken cancellationToken)
    {
        using var _ = await firstRunGate.EnterAsync(cancellationToken);
        if (await HasAnyMemberAsync(cancellationToken))
        {
            return Outcome.Refused("The administrator account already exists. Sign in instead.");
        }

        form.Role = TeamRoles.Admin;
        return await CreateAsync(form, actorId: null, cancellationToken);
    }

    public Task<Outcome> AddMemberAsync(NewTeamMember form, string actorId, CancellationToken cancellationToken) =>
        CreateAsync(form, actorId, cancellationToken);

    public async Task<IReadOnlyList<TeamMemberSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var admins = (await users.GetUsersInRoleAsync(TeamRoles.Admin)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var members = await users.Users.AsNoTracking().ToListAsync(cancellationToken);
        return members
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new TeamMemberSummary(
                m.Id, m.DisplayName, m.Email!, admins.Contains(m.Id) ? TeamRoles.Admin : TeamRoles.Agent, m.IsActive, m.CreatedAt))
            .ToList();
    }

    /// <summary>Deactivating ends the member's sessions; nobody can lock the team out of its last admin.</summary>
    public async Task<Outcome> SetActiveAsync(
        string memberId, bool active, string actorId, CancellationToken cancellationToken)
    {
        var member = await users.FindByIdAsync(memberId);
        if (member is null)
        {
            return Outcome.Refused("That team member no longer exists.");
        }

        if (member.IsActive == active)
        {
            return Outcome.Ok;
        }

        if (!active && member.Id == actorId)
        {
            return Outcome.Refused("You cannot deactivate yourself. Ask another admin.");
        }

        if (!active && await users.IsInRoleAsync(member, TeamRoles.Admin) && await CountActiveAdminsAsync() <= 1)
        {
            return Outcome.Refused("This is the last active admin. Make someone else an admin first.");
        }

        member.IsActive = active;
        var result = await users.UpdateAsync(member);
        if (!result.Succeeded)
        {
            return Outcome.Refused(Describe(result));
        }

        // A new security stamp invalidates the member's cookie and open circuits at their next check.
        await users.UpdateSecurityStampAsync(member);
        LogActiveChanged(logger, member.Id, active, actorId);
        return Outcome.Ok;
    }

    private async Task<Outcome> CreateAsync(NewTeamMember form, string? actorId, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome.Refused(string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)));
        }

        var email = form.Email.Trim();
        var member = new TeamMember
        {
            DisplayName = form.DisplayName.Trim(),
            UserName = email,
            Email = email,
            CreatedAt = clock.GetUtcNow(),
        };
        try
        {
            var created = await users.CreateAsync(member, form.Password);
            if (!created.Succeeded)
            {
                return Outcome.Refused(Describe(created));
            }
        }
        catch (DbUpdateException)
        {
            // Two admins adding the same address at once: the unique index decides.
            return Outcome.Refused(DuplicateEmailMessage);
        }

        var role = await users.AddToRoleAsync(member, form.Role);
        if (!role.Succeeded)
        {
            await users.DeleteAsync(member);
            return Outcome.Refused(Describe(role));
        }

        LogMemberAdded(logger, member.Id, form.Role, actorId ?? "first-run");
        return Outcome.Ok;
    }

    private async Task<int> CountActiveAdminsAsync() =>
        (await users.GetUsersInRoleAsync(TeamRoles.Admin)).Count(m => m.IsActive);

    private static string Describe(IdentityResult result) =>
        result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
            ? DuplicateEmailMessage
            : string.Join(" ", result.Errors.Select(e => e.Description));

    [LoggerMessage(Level = LogLevel.Information, Message = "Team member {MemberId} added as {Role} by {ActorId}")]
    private static partial void LogMemberAdded(ILogger logger, string memberId, string role, string actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Team member {MemberId} active={Active}, changed by {ActorId}")]
    private static partial void LogActiveChanged(ILogger logger, string memberId, bool active, string actorId);
}
