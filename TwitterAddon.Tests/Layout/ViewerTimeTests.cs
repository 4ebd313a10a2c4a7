using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Common;

namespace TwitterAddon.Tests.Layout;

/// <summary>One date format everywhere, in the viewer's time zone, with the whole moment on hover.</summary>
public sealed class ViewerTimeTests : MudTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-12-02T01:05:00Z", "08:05")] // Jakarta is UTC+7: the same day there
    [InlineData("2026-12-01T16:59:00Z", "Yesterday 23:59")]
    [InlineData("2026-11-20T10:00:00Z", "20 Nov 17:00")]
    [InlineData("2025-12-31T20:00:00Z", "1 Jan 03:00")]
    [InlineData("2025-06-01T10:00:00Z", "1 Jun 2025")]
    public void Brief_IsInTheViewersZone(string at, string shown) =>
        Assert.Equal(shown, ViewerTime.For("Asia/Jakarta").Brief(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), Now));

    [Fact]
    public void Full_NamesTheDayTheSecondsAndTheZone() =>
        Assert.Equal("Wednesday 2 December 2026, 15:30:00 (Asia/Jakarta, UTC+07:00)", ViewerTime.For("Asia/Jakarta").Full(Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    public void AZoneTheHostDoesNotKnow_IsUtc_AndSaysSo(string? zone) =>
        Assert.EndsWith("(UTC, UTC+00:00)", ViewerTime.For(zone).Full(Now));

    [Fact]
    public void When_ShowsTheBriefTime_WithTheFullOneOnHover()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));

        var when = Render<When>(p => p.Add(c => c.At, Now.AddMinutes(-5)).AddCascadingValue(ViewerTime.For("America/New_York")));

        var time = when.Find("time");
        Assert.Equal("03:25", time.TextContent);
        Assert.Equal("Wednesday 2 December 2026, 03:25:00 (America/New_York, UTC-05:00)", time.GetAttribute("title"));
    }
}
