using FluentValidation;

namespace TwitterAddon.Core.Team;

/// <summary>
/// Length over composition, and no password from the lists attackers try (<see cref="CommonPasswords"/>), as NIST SP 800-63B advises. Identity is configured with the same numbers
/// (see <see cref="CoreServiceRegistration"/>), so the form and the store never disagree.
/// </summary>
public static class PasswordRule
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 128;
    public const int MinimumDistinctCharacters = 4;

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule
            .NotEmpty().WithMessage("Enter a password.")
            .MinimumLength(MinimumLength).WithMessage($"Use at least {MinimumLength} characters.")
            .MaximumLength(MaximumLength).WithMessage($"Use at most {MaximumLength} characters.")
            .Must(p => p.Distinct().Count() >= MinimumDistinctCharacters)
            .WithMessage($"Use at least {MinimumDistinctCharacters} different characters.")
            .Must(p => !CommonPasswords.IsCommon(p))
            .WithMessage("This password is one of the most common ones, which attackers try first. Choose another; a passphrase is easiest to remember.");
}
