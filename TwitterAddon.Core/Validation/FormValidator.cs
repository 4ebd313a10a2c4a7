using FluentValidation;

namespace TwitterAddon.Core.Validation;

/// <summary>
/// A FluentValidation validator that a MudForm field can call for its own property
/// (<c>Validation="@validator.ValidateValue" For="@(() => model.Email)"</c>), so the page shows
/// the same messages the service enforces.
/// </summary>
public abstract class FormValidator<T> : AbstractValidator<T>
{
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var context = ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName));
        var result = await ValidateAsync(context);
        return result.Errors.Select(e => e.ErrorMessage);
    };
}
