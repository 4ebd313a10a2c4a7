using System.Text.RegularExpressions;

namespace TwitterAddon.Core.Accounts;

/// <summary>What an Account Activity env label may contain; the setup form and Detail Account share it.</summary>
public static partial class EnvLabelRule
{
    public const string Message = "An Env Label has letters, digits, - and _ only (and is case-sensitive).";

    public static bool IsValid(string? label) => label is not null && Pattern().IsMatch(label.Trim());

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
