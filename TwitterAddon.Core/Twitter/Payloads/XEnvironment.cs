using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.Payloads;

/// <summary>One Account Activity environment of <c>GET all/webhooks.json</c>.</summary>
public sealed record XEnvironment(
    [property: JsonPropertyName("environment_name")] string EnvironmentName,
    [property: JsonPropertyName("webhooks")] IReadOnlyList<XWebhook> Webhooks);

public sealed record XEnvironmentList([property: JsonPropertyName("environments")] IReadOnlyList<XEnvironment> Environments);
