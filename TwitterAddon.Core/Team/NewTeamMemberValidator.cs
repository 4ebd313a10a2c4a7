using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Team;

public sealed class NewTeamMemberValidator : FormValidator<NewTeamMember>
{
    public NewTeamMemberValidator(IServiceScopeFactory scopes)
    {
        RuleFor(m => m.DisplayName)
            .NotEmpty().WithMessage("Enter the person's name.")
            .Must(name => name.Trim().Length <= TeamMember.DisplayNameMaxLength)
            .WithMessage($"Use at most {TeamMember.DisplayNameMaxLength} characters.");

        RuleFor(m => m.Email)
            .NotEmpty().WithMessage("Enter an email address.")
            .MaximumLength(256).WithMessage("Use at most 256 characters.")
            .EmailAddress().WithMessage("Enter a valid email address, like name@example.com.")
            .MustAsync(async (email, _) => !await ExistsAsync(scopes, email.Trim()))
            .WithMessage("A team member with this email already exists.");

        RuleFor(m => m.Password).StrongPassword()
            .Must((member, password) => !CommonPasswords.ContainsEmail(password, member.Email))
            .WithMessage("The password must not contain the email address.");

        RuleFor(m => m.Role)
            .Must(role => TeamRoles.All.Contains(role)).WithMessage("Choose Admin or Agent.");
    }

    // A scope (and database context) per look-up: the form checks the field as the admin types while Add checks the
    // whole form, and one circuit's shared UserManager cannot serve two queries at once.
    private static async Task<bool> ExistsAsync(IServiceScopeFactory scopes, string email)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<TeamMember>>().FindByEmailAsync(email) is not null;
    }
}
