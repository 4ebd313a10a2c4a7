namespace TwitterAddon.Core.Team;

public sealed class SignInForm
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
