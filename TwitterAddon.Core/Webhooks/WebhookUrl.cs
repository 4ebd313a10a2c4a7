namespace TwitterAddon.Core.Webhooks;

/// <summary>X's webhook URL rules, shared by the setup page's warning and the emulator's strict mode.</summary>
public static class WebhookUrl
{
    /// <summary>"https://host:443/x" has one too: X refuses any port written in the URL, default or not.</summary>
    public static bool HasExplicitPort(string url, Uri uri) =>
        url[(uri.Scheme.Length + 3)..].Split('/', '?', '#')[0].Contains(':', StringComparison.Ordinal);
}
