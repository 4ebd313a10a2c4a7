using FluentValidation;
using Microsoft.AspNetCore.Identity;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Team;

public sealed class NewTeamMemberValidator : FormValidator<NewTeamMember>
{
    public NewTeamMemberValidator(UserManager<TeamMember> users)
    {
        RuleFor(m => m.DisplayName)
            .NotEmpty().WithMessage("Enter the person's name.")
            .Must(name => name.Trim().Length <= TeamMember.DisplayNameMaxLength)
            .WithMessage($"Use at most {TeamMember.DisplayNameMaxLength} characters.");

        RuleFor(m => m.Email)
            .NotEmpty().WithMessage("Enter an email address.")
            .MaximumLength(256).WithMessage("Use at most 256 characters.")
            .EmailAddress().WithMessage("Enter a valid email address, like name@example.com.")
            .MustAsync(async (email, _) => await users.FindByEmailAsync(email.Trim()) is null)
            .WithMessage("A team member with this email already exists.");

        RuleFor(m => m.Password).StrongPassword()
            .Must((member, password) => !CommonPasswords.ContainsEmail(password, member.Email))
            .WithMessage("The password must not contain the email address.");

        RuleFor(m => m.Role)
            .Must(role => TeamRoles.All.Contains(role)).WithMessage("Choose Admin or Agent.");
    }
}
