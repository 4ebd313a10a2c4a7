using System.Text;
using SkiaSharp;

namespace TwitterAddon.Core.Channels;

/// <summary>
/// Channel icons are checked by their bytes, not their file name: PNG, JPEG, WebP or SVG, up to 1 MB. What is stored
/// is a small thumbnail made at upload (a PNG at most <see cref="ThumbnailSize"/> pixels a side; an SVG as it is, a
/// vector being its own thumbnail), and pages load it from <see cref="UrlOf"/>, never embedded: an icon costs its
/// bytes once per browser, not once per inbox row and circuit.
/// </summary>
public static class ChannelIcon
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Twice the largest size pages draw it at, for sharp icons on high-density screens.</summary>
    public const int ThumbnailSize = 96;

    /// <summary>Where the Web host serves icons: <c>/channel-icons/{channel id}/{version}</c>.</summary>
    public const string PathPrefix = "/channel-icons/";

    /// <summary>Raster images larger than this (in pixels) are refused before they are decoded: a tiny file can claim a huge canvas.</summary>
    private const long MaxPixels = 50_000_000;

    /// <summary>The icon's address for this version; a new upload changes it, so browsers may cache each one for good.</summary>
    public static string UrlOf(int channelId, int version) => $"{PathPrefix}{channelId}/{version}";

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

    /// <summary>The stored form of an upload: a PNG thumbnail of a raster image, an SVG unchanged; null when it cannot be read.</summary>
    public static (byte[] Bytes, string ContentType)? Thumbnail(byte[] upload)
    {
        var type = Detect(upload);
        if (type is null)
        {
            return null;
        }

        if (type == "image/svg+xml")
        {
            return (upload, type);
        }

        using var codec = SKCodec.Create(new SKMemoryStream(upload));
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return null;
        }

        using var original = SKBitmap.Decode(codec);
        if (original is null)
        {
            return null;
        }

        var scale = Math.Min(1.0, (double)ThumbnailSize / Math.Max(original.Width, original.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(original.Width * scale)), Math.Max(1, (int)Math.Round(original.Height * scale)));
        using var small = original.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(small ?? original);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return (png.ToArray(), "image/png");
    }

    /// <summary>A data URI for the channel editor's preview of an upload not saved yet (one image, on one page).</summary>
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
