namespace TwitterAddon.Core.Team;

/// <summary>The form for adding a member, and for creating the first administrator.</summary>
public sealed class NewTeamMember
{
    public string DisplayName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string Role { get; set; } = TeamRoles.Agent;
}
