using System.Globalization;

namespace TwitterAddon.Core.Text;

/// <summary>
/// The Agent Initial suffix of mention replies (product doc): the first letter of each word of the agent's name,
/// upper case, joined by "." — "John Doe" → "- J.D", "John" → "- J.", "Maria de la Cruz" → "- M.D.L.C".
/// A non-Latin name keeps its first character.
/// </summary>
public static class AgentInitials
{
    public static string Of(string displayName)
    {
        var initials = (displayName ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => StringInfo.GetNextTextElement(word).ToUpper(CultureInfo.InvariantCulture))
            .ToList();
        return initials.Count switch
        {
            0 => "",
            1 => $"- {initials[0]}.",
            _ => "- " + string.Join(".", initials),
        };
    }
}
