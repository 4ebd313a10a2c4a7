using System.Text;
using TwitterAddon.Core.Channels;

namespace TwitterAddon.Tests.Channels;

public sealed class ChannelIconTests
{
    public static TheoryData<byte[], string?> Samples => new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "image/jpeg" },
        { Encoding.ASCII.GetBytes("RIFF\u0024\0\0\0WEBPVP8 "), "image/webp" },
        { Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "image/svg+xml" },
        { Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<!-- icon -->\n<svg></svg>"), "image/svg+xml" },
        { Encoding.ASCII.GetBytes("GIF89a......"), null },
        { Encoding.UTF8.GetBytes("<html><svg></svg></html>"), null },
        { Encoding.UTF8.GetBytes("just text named icon.png"), null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Detect_JudgesByContent(byte[] bytes, string? expected) => Assert.Equal(expected, ChannelIcon.Detect(bytes));

    [Theory]
    [InlineData(32, 32, 32, 32)]
    [InlineData(400, 100, 96, 24)]
    [InlineData(100, 1000, 10, 96)]
    public void Thumbnail_IsAPngThatFitsTheThumbnailSize(int width, int height, int expectedWidth, int expectedHeight)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90).ToArray();

        var (bytes, type) = ChannelIcon.Thumbnail(jpeg)!.Value;

        using var thumbnail = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.Equal(("image/png", expectedWidth, expectedHeight), (type, thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public void Thumbnail_OfADamagedImage_IsNull()
    {
        byte[] damaged = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];

        Assert.Null(ChannelIcon.Thumbnail(damaged));
    }

    [Fact]
    public void Thumbnail_OfAnSvg_IsTheSvgItself()
    {
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>");

        Assert.Equal((svg, "image/svg+xml"), ChannelIcon.Thumbnail(svg)!.Value);
    }
}
