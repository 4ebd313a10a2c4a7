using TwitterAddon.Core.Text;

namespace TwitterAddon.Core.Team;

/// <summary>
/// Passwords attackers try first: the 10,000 most common (zxcvbn's list, embedded), also with digits or symbols added
/// at the end ("password2024!"), and any password that contains the member's own email or its name part.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(() => EmbeddedData.Lines("common-passwords.txt").ToHashSet(StringComparer.Ordinal));

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var core = lower.TrimEnd("0123456789!@#$%^&*?.-_+= ".ToCharArray());
        return List.Value.Contains(lower) || (core.Length >= 4 && List.Value.Contains(core));
    }

    /// <summary>Whether the password contains the email address, or the part before its @ when that has 3 characters or more.</summary>
    public static bool ContainsEmail(string password, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var address = email.Trim();
        var name = address.Split('@')[0];
        return password.Contains(address, StringComparison.OrdinalIgnoreCase)
            || (name.Length >= 3 && password.Contains(name, StringComparison.OrdinalIgnoreCase));
    }
}
