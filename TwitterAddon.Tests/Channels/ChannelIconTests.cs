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
}
