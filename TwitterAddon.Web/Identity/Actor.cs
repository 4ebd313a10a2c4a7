using System.Security.Claims;

namespace TwitterAddon.Web.Identity;

/// <summary>Who did it, for audit lines: the signed-in member's e-mail.</summary>
public static class Actor
{
    public static string Of(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";
}
