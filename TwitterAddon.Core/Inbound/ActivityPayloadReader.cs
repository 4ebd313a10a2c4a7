using System.Text.Json;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// Reads a delivery of either shape X sends: the X Activity API's envelope (<c>data</c> with <c>event_type</c>,
/// <see cref="ActivityApiShape"/>) or the Account Activity payload of v1.1 and v2 AAA (<c>for_user_id</c> and
/// <c>*_events</c>, <see cref="AccountActivityShape"/>). A body that is neither throws
/// <see cref="UnreadablePayloadException"/> with a reason an admin can read.
/// </summary>
public static class ActivityPayloadReader
{
    /// <param name="now">Stands in for a time X left out.</param>
    public static ActivityPayload Read(byte[] body, DateTimeOffset now)
    {
        try
        {
            using var document = Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new UnreadablePayloadException("The body is JSON but not an object.");
            }

            return root.TryGetProperty("data", out var data) && !root.TryGetProperty("for_user_id", out _)
                ? ActivityApiShape.Read(data, now)
                : AccountActivityShape.Read(root, now);
        }
        catch (JsonException e)
        {
            throw new UnreadablePayloadException($"The body is not valid JSON: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new UnreadablePayloadException($"A field has the wrong type or is out of range: {e.Message}", e);
        }
    }

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>
    /// The body as JSON: a UTF-8 byte order mark is skipped, and bytes that are not UTF-8 are read as U+FFFD (the
    /// signature was checked on the bytes as sent; what an agent reads need not fail over one bad byte).
    /// </summary>
    private static JsonDocument Parse(byte[] body)
    {
        var json = body.AsMemory();
        if (json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        return System.Text.Unicode.Utf8.IsValid(json.Span)
            ? JsonDocument.Parse(json, Options)
            : JsonDocument.Parse(System.Text.Encoding.UTF8.GetString(json.Span), Options);
    }
}
