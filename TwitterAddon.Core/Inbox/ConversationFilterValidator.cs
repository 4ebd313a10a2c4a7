using FluentValidation;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// A search is a few words, a name or a @handle: longer ones are refused with a message rather than scanned for,
/// because a substring search costs time in proportion to its length over every message.
/// </summary>
public sealed class ConversationFilterValidator : AbstractValidator<ConversationFilter>
{
    public ConversationFilterValidator()
    {
        RuleFor(f => f.Search)
            .Must(s => s is null || s.Trim().Length <= ConversationFilter.SearchMaxLength)
            .WithMessage($"Search for at most {ConversationFilter.SearchMaxLength} characters.");
        RuleFor(f => f.Kind).IsInEnum();
        RuleFor(f => f.Status).IsInEnum();
    }
}
