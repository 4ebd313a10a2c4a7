using System.Text.Json;

namespace TwitterAddon.Tests.Text;

/// <summary>twitter-text's official conformance cases, copied with their LICENSE into Fixtures/twitter-text.</summary>
public static class Conformance
{
    public static IEnumerable<JsonElement> Cases(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "twitter-text", file))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone());

    public static TheoryData<string> Descriptions(string file, string? suite = null)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases(file).Where(c => suite is null || c.GetProperty("suite").GetString() == suite))
        {
            data.Add(Key(c));
        }

        return data;
    }

    public static JsonElement Find(string file, string key) => Cases(file).Single(c => Key(c) == key);

    private static string Key(JsonElement c) => $"{c.GetProperty("suite").GetString()}: {c.GetProperty("description").GetString()}";
}
