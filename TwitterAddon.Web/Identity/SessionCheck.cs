using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Team;

namespace TwitterAddon.Web.Identity;

/// <summary>
/// Every request's sign-in cookie is checked against the member's current security stamp: sign-out and deactivation
/// change it, so a copy of the cookie taken before is refused at once. Identity's own validator still refreshes the
/// member's claims once a minute; renewing the cookie on every request instead would stop browsers caching anything.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<TeamMember>>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var member = context.Principal is { } principal && users.GetUserId(principal) is { } id ? await users.FindByIdAsync(id) : null;
        if (member is null || !member.IsActive || member.SecurityStamp != context.Principal!.FindFirst(stampClaim)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
