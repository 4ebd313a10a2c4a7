using System.Globalization;
using TwitterAddon.Core.Text;

namespace TwitterAddon.Web.Components.Common;

/// <summary>What stands in for a person's avatar: the first letters of the first two words of their name, "Jane Doe" → "JD".</summary>
public static class ContactInitials
{
    public static string Of(string? name) =>
        string.Concat(VisibleText.Of(name).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(2)
            .Select(word => StringInfo.GetNextTextElement(word).ToUpperInvariant())) is { Length: > 0 } initials ? initials : "?";
}
