using FluentValidation.Results;

namespace TwitterAddon.Core.Validation;

/// <summary>Validation messages by property, for forms that show them under each field after a post.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public IReadOnlyList<string> For(string field) =>
        byField.TryGetValue(field, out var messages) ? messages : [];

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            byField[field] = messages = [];
        }

        messages.Add(message);
    }

    public static FieldErrors From(ValidationResult result)
    {
        var errors = new FieldErrors();
        foreach (var failure in result.Errors)
        {
            errors.Add(failure.PropertyName, failure.ErrorMessage);
        }

        return errors;
    }
}
