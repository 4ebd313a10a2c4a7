using Microsoft.AspNetCore.Identity;

namespace TwitterAddon.Core.Team;

/// <summary>A person who signs in to the portal: an admin or an agent.</summary>
public sealed class TeamMember : IdentityUser
{
    public const int DisplayNameMaxLength = 60;

    /// <summary>Shown to colleagues, and the source of the "- J.D" agent initials on mention replies.</summary>
    public required string DisplayName { get; set; }

    /// <summary>A deactivated member cannot sign in; their past replies stay attributed to them.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
