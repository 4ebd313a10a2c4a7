using System.Text.RegularExpressions;

namespace TwitterAddon.Core.Twitter;

/// <summary>
/// An X API path as a metric label: the ids and environment names in it become placeholders, so calls to one
/// endpoint count together ("POST 2/dm_conversations/with/{id}/messages") and the label stays a short list.
/// </summary>
public static partial class XEndpoint
{
    public static string Of(HttpMethod method, string path)
    {
        var segments = path.Split('?', 2)[0].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            // The first segment is the API's version (1.1, 2), not an id. One pass of the pattern: a changed segment had one.
            var withoutId = i > 0 ? Id().Replace(segments[i], "{id}") : segments[i];
            if (withoutId != segments[i])
            {
                segments[i] = withoutId;
            }
            else if (i > 0 && segments[i - 1] == "all" && !segments[i].StartsWith("webhooks", StringComparison.Ordinal)
                && !segments[i].StartsWith("subscriptions", StringComparison.Ordinal))
            {
                // v1.1's account_activity/all/{env}/…: the Env Label the admin chose.
                segments[i] = "{env}";
            }
        }

        return $"{method.Method} {string.Join('/', segments)}";
    }

    [GeneratedRegex(@"^\d+(?=(\.json)?$)")]
    private static partial Regex Id();
}
