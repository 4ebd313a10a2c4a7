using System.Security.Claims;

namespace TwitterAddon.Web.Identity;

/// <summary>Who did it, for audit lines: the signed-in member's e-mail.</summary>
public static class Actor
{
    public static string Of(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";

    /// <summary>The name customers see in "- J.D" initials and agents see on replies.</summary>
    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue(Core.Team.TeamMemberClaimsPrincipalFactory.DisplayNameClaim) is { Length: > 0 } name ? name : Of(user);
}
