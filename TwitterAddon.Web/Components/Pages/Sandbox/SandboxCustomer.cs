using FluentValidation;
using TwitterAddon.Core.Validation;
using TwitterAddon.Emulator.Control;

namespace TwitterAddon.Web.Components.Pages.Sandbox;

/// <summary>Another customer to play on the Sandbox page.</summary>
public sealed class SandboxCustomer
{
    public string? Name { get; set; }

    public string? ScreenName { get; set; }

    public bool DirectMessagesOpen { get; set; } = true;
}

/// <summary>The control API's rules for a new user (POST /users), in the words of the page rather than of the API.</summary>
public sealed class SandboxCustomerValidator : FormValidator<SandboxCustomer>
{
    public SandboxCustomerValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the customer's name.")
            .MaximumLength(CreateUserRequestValidator.NameMaxLength).WithMessage($"Use at most {CreateUserRequestValidator.NameMaxLength} characters.");
        RuleFor(c => c.ScreenName).NotEmpty().WithMessage("Enter the customer's handle, such as jane_doe.")
            .Matches(CreateUserRequestValidator.ScreenNamePattern).WithMessage("A handle is 1 to 15 letters, digits or underscores.");
    }
}
