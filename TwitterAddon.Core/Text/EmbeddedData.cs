namespace TwitterAddon.Core.Text;

/// <summary>Reads the data files embedded beside the counter: one entry a line, # lines are comments.</summary>
internal static class EmbeddedData
{
    public static IEnumerable<string> Lines(string fileName)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream($"TwitterAddon.Core.Text.{fileName}")
            ?? throw new InvalidOperationException($"The embedded file {fileName} is missing from TwitterAddon.Core.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
