using FluentValidation;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Team;

public sealed class SignInFormValidator : FormValidator<SignInForm>
{
    public SignInFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address.");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password.");
    }
}
