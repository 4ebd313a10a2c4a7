using System.Text;

namespace TwitterAddon.Core.Channels;

/// <summary>Channel icons are checked by their bytes, not their file name: PNG, JPEG, WebP or SVG, up to 1 MB.</summary>
public static class ChannelIcon
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The content type the bytes really are, or null when they are none of the four.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return LooksLikeSvg(bytes) ? "image/svg+xml" : null;
    }

    /// <summary>A data URI for an &lt;img&gt; (which never runs an SVG's scripts), or the default X icon when null.</summary>
    public static string? DataUri(byte[]? icon, string? contentType) =>
        icon is null || contentType is null ? null : $"data:{contentType};base64,{Convert.ToBase64String(icon)}";

    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            head = head[(head.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        }

        while (head.StartsWith("<!--", StringComparison.Ordinal) && head.IndexOf("-->", StringComparison.Ordinal) is var end and > 0)
        {
            head = head[(end + 3)..].TrimStart();
        }

        return head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<!DOCTYPE svg", StringComparison.OrdinalIgnoreCase));
    }
}
