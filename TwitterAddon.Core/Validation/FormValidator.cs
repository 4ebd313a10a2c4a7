using FluentValidation;

namespace TwitterAddon.Core.Validation;

/// <summary>
/// A FluentValidation validator that a MudForm field can call for its own property
/// (<c>Validation="@validator.ValidateValue" For="@(() => model.Email)"</c>), so the page shows
/// the same messages the service enforces.
/// </summary>
public abstract class FormValidator<T> : AbstractValidator<T>
{
    // One message per field, the first that applies: an empty password says "Enter a password", not that and two more.
    protected FormValidator() => RuleLevelCascadeMode = CascadeMode.Stop;

    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var context = ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName));
        var result = await ValidateAsync(context);
        return result.Errors.Select(e => e.ErrorMessage);
    };
}
