namespace TwitterAddon.Core.Team;

/// <summary>How a sign-in ended; <see cref="Message"/> is what the person sees when it did not succeed.</summary>
public sealed record SignInOutcome(bool Succeeded, string? Message, string? MemberId = null)
{
    public const string WrongEmailOrPassword = "Wrong email or password.";
    public const string TooManyFailures = "Too many failed attempts for this account from browsers it has not signed in on. Wait a minute, then try again.";
    public const string Deactivated = "This account is deactivated. Ask an admin to reactivate it.";

    public static SignInOutcome Success(string memberId) => new(true, null, memberId);

    public static SignInOutcome Refused(string message) => new(false, message);
}
