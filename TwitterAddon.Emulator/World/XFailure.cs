namespace TwitterAddon.Emulator.World;

/// <summary>An X error answer: HTTP status, X's code and X's message.</summary>
public sealed record XFailure(int Status, int Code, string Message)
{
    public static XFailure MissingParameter(string name) => new(400, 38, $"{name} parameter is missing.");

    public static XFailure NotFound() => new(404, 34, "Sorry, that page does not exist.");

    public static XFailure CouldNotAuthenticate() => new(401, 32, "Could not authenticate you.");

    public static XFailure InvalidToken() => new(401, 89, "Invalid or expired token.");
}
