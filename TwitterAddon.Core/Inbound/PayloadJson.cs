using System.Globalization;
using System.Text.Json;

namespace TwitterAddon.Core.Inbound;

/// <summary>Reading X's JSON leniently where X is inconsistent, strictly where a field is needed.</summary>
internal static class PayloadJson
{
    public static JsonElement.ArrayEnumerator Array(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new UnreadablePayloadException($"'{name}' is not an array.");

    public static JsonElement Required(JsonElement parent, string name) =>
        Optional(parent, name) is { ValueKind: JsonValueKind.Object } value ? value : throw new UnreadablePayloadException($"'{name}' is missing.");

    /// <summary>The named property, or an undefined element when the parent is not an object or lacks it.</summary>
    public static JsonElement Optional(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : default;

    public static string RequiredString(JsonElement parent, string name) =>
        OptionalString(parent, name) is { Length: > 0 } value ? value : throw new UnreadablePayloadException($"'{name}' is missing.");

    /// <summary>X's ids are strings, but a number is accepted too (some forwarders re-serialize).</summary>
    public static string? OptionalString(JsonElement parent, string name) => Optional(parent, name) switch
    {
        { ValueKind: JsonValueKind.String } value => Text(value),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    /// <summary>
    /// A string value; one with an escaped lone surrogate (which System.Text.Json refuses) is read with U+FFFD in its
    /// place, and so is an escaped NUL (<c>\u0000</c>), which PostgreSQL's text refuses and no one types.
    /// </summary>
    private static string Text(JsonElement value)
    {
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            text = Core.Text.JsonStringLiteral.Decode(value.GetRawText());
        }

        // Replace returns the same string when there is none.
        return text.Replace('\0', '\uFFFD');
    }

    public static bool OptionalBool(JsonElement parent, string name) => IsTrue(Optional(parent, name));

    /// <summary>X's documented example sends "false" as a string; its FAQ says boolean. Both are accepted.</summary>
    public static bool IsTrue(JsonElement value) =>
        value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() == "true");

    /// <summary>The elements of an array property, or none.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        Optional(parent, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary><c>display_text_range</c> as code points, or null.</summary>
    public static (int Start, int End)? DisplayRange(JsonElement source) =>
        Optional(source, "display_text_range") is { ValueKind: JsonValueKind.Array } range && range.GetArrayLength() == 2
            ? (range[0].GetInt32(), range[1].GetInt32())
            : null;

    /// <summary>
    /// The mentioned user ids, and those the author typed: a reply's leading @mentions sit before the displayed text,
    /// a mention the author typed inside it. A mention without an id is left out.
    /// </summary>
    public static (IReadOnlyList<string> All, IReadOnlyList<string> Typed) MentionIds(IEnumerable<(string? Id, int Start)> mentions, (int Start, int End)? displayRange)
    {
        var known = mentions.Where(m => m.Id is not null).ToList();
        return ([.. known.Select(m => m.Id!)], [.. known.Where(m => m.Start >= (displayRange?.Start ?? 0)).Select(m => m.Id!)]);
    }

    public static DateTimeOffset FromMilliseconds(string? milliseconds, DateTimeOffset fallback) =>
        long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 32503680000000
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : fallback;

    /// <summary>v1.1's "Wed Oct 10 20:19:24 +0000 2018" or v2's ISO 8601.</summary>
    public static DateTimeOffset Time(string? text, DateTimeOffset fallback) =>
        DateTimeOffset.TryParseExact(text, "ddd MMM dd HH:mm:ss zzzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v1)
            ? v1
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso : fallback;

    /// <summary>
    /// A person as X describes them: v1.1's <c>name</c>, <c>screen_name</c>, <c>profile_image_url_https</c>, or v2's
    /// <c>name</c>, <c>username</c>, <c>profile_image_url</c> (inside <c>data</c> in an X Activity DM's users map).
    /// </summary>
    public static XPerson? Person(JsonElement user, string id)
    {
        if (user.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var fields = Optional(user, "data") is { ValueKind: JsonValueKind.Object } data ? data : user;
        return new XPerson(
            id, OptionalString(fields, "name") ?? "", OptionalString(fields, "screen_name") ?? OptionalString(fields, "username") ?? "",
            OptionalString(fields, "profile_image_url_https") ?? OptionalString(fields, "profile_image_url"));
    }
}
