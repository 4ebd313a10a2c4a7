using Microsoft.AspNetCore.Http;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api.V2;

/// <summary>
/// An injected failure in v2's words: the fault plan speaks v1.1 codes (187, 326, 349...), and a v2 call answers with
/// the problem X sends for the same case (x-v2 wire research 6 and 7).
/// </summary>
public static class V2Failures
{
    public static IResult Of(XFailure failure) => (failure.Status, failure.Code) switch
    {
        (429, _) => V2Results.TooManyRequests(),
        (402, _) => V2Results.CreditsDepleted(),
        (401, _) or (_, 32) or (_, 89) => V2Results.Unauthorized(),
        (_, 187) => V2Results.Forbidden("You are not allowed to create a Tweet with duplicate content."),
        (_, 186) => V2Results.InvalidParameter("text", "Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text."),
        (_, 385) => V2Results.Forbidden("You attempted to reply to a Tweet that is deleted or not visible to you."),
        (_, 326) => V2Results.Forbidden("This account is temporarily locked."),
        (_, 349) => V2Results.Forbidden("You cannot send messages to this user."),
        (_, 261) or (_, 93) => V2Results.NoOAuth1Permission(),
        (>= 500, _) => V2Results.Problem(failure.Status, failure.Status == 503 ? "Service Unavailable" : "Internal Server Error", failure.Message),
        _ => V2Results.Problem(failure.Status, StatusCodes.Status403Forbidden == failure.Status ? "Forbidden" : "Error", failure.Message),
    };
}
