using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using TwitterAddon.Core.Team;

namespace TwitterAddon.Web.Endpoints;

/// <summary>
/// Sign-out is a POST with the page's antiforgery token, so that another site cannot sign people out; it ends the
/// session on the server too (a new security stamp), so a copy of the cookie taken before stops working at once.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<TeamMember> signIn, UserManager<TeamMember> users) =>
        {
            // A minimal-API POST that binds no form is not checked by the antiforgery middleware: check it here.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
            }

            if (await users.GetUserAsync(http.User) is { } member)
            {
                await users.UpdateSecurityStampAsync(member);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login?signedOut=true");
        }).RequireAuthorization();
        return endpoints;
    }
}
