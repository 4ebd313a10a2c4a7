namespace TwitterAddon.Core.Team;

/// <summary>The two roles of the portal. Admins set up X and channels and manage the team; agents answer.</summary>
public static class TeamRoles
{
    public const string Admin = "Admin";
    public const string Agent = "Agent";

    public static IReadOnlyList<string> All { get; } = [Admin, Agent];
}
