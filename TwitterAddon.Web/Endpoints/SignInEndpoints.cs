using Microsoft.AspNetCore.Identity;
using TwitterAddon.Core.Team;

namespace TwitterAddon.Web.Endpoints;

/// <summary>Sign-out is a POST (with antiforgery) so that a link on another site cannot sign people out.</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<TeamMember> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        }).RequireAuthorization();
        return endpoints;
    }
}
