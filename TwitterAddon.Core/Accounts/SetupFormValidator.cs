using FluentValidation;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Accounts;

/// <summary>What X's keys look like; X itself checks that they are right when Save connects.</summary>
public sealed class SetupFormValidator : FormValidator<SetupForm>
{
    public SetupFormValidator()
    {
        RuleFor(f => f.ApiKey).Must(NotBlank).WithMessage("Paste the API Key from your app's Keys and tokens page.")
            .Must(v => v.Trim().Length <= 128).WithMessage("An API Key is at most 128 characters.");
        RuleFor(f => f.ApiKeySecret).Must(NotBlank).WithMessage("Paste the API Key Secret.")
            .Must(v => v.Trim().Length <= 256).WithMessage("An API Key Secret is at most 256 characters.");
        RuleFor(f => f.AccessToken).Must(NotBlank).WithMessage("Paste the Access Token.")
            .Matches(@"^\s*[0-9]+-[A-Za-z0-9_-]+\s*$")
            .WithMessage("An Access Token looks like 1234567890-AbCd…: the account's numeric id, a dash, then letters and digits.");
        RuleFor(f => f.AccessTokenSecret).Must(NotBlank).WithMessage("Paste the Access Token Secret.")
            .Must(v => v.Trim().Length <= 256).WithMessage("An Access Token Secret is at most 256 characters.");
        RuleFor(f => f.EnvLabel).Must(NotBlank).WithMessage("Enter the Env Label of your Account Activity dev environment.")
            .Must(EnvLabelRule.IsValid).WithMessage(EnvLabelRule.Message);
        RuleFor(f => f.Tier).IsInEnum().WithMessage("Choose Pay-per-use, Enterprise, Premium or Sandbox.");
    }

    private static bool NotBlank(string? value) => !string.IsNullOrWhiteSpace(value);
}
