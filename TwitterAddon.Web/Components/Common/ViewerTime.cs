using System.Globalization;

namespace TwitterAddon.Web.Components.Common;

/// <summary>
/// Dates as the person looking at the page reads them: in their browser's time zone (wwwroot/viewer-time-zone.js keeps
/// it in a cookie), in one format everywhere, short on the page and in full on hover. Until the browser has said its
/// zone (the first page it ever loads), times are UTC and say so.
/// </summary>
public sealed class ViewerTime
{
    public const string CookieName = "TwitterAddon.TimeZone";

    /// <summary>The one culture dates are written in ("2 Dec 14:05"), wherever a page writes one.</summary>
    public static CultureInfo Format { get; } = CultureInfo.GetCultureInfo("en-GB");

    private ViewerTime(TimeZoneInfo zone) => Zone = zone;

    public static ViewerTime Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; }

    /// <summary>The zone the browser named (an IANA id), or UTC when it named none this host knows.</summary>
    public static ViewerTime For(string? timeZoneId) =>
        timeZoneId is { Length: > 0 and <= 100 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? new(zone) : Utc;

    /// <summary>"14:05" today, "Yesterday 14:05", "2 Dec 14:05" this year, "2 Dec 2025" before.</summary>
    public string Brief(DateTimeOffset at, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var today = TimeZoneInfo.ConvertTime(now, Zone).Date;
        return local.Date == today ? local.ToString("HH:mm", Format)
            : local.Date == today.AddDays(-1) ? "Yesterday " + local.ToString("HH:mm", Format)
            : local.Year == today.Year ? local.ToString("d MMM HH:mm", Format)
            : local.ToString("d MMM yyyy", Format);
    }

    /// <summary>"Wednesday 2 December 2026, 14:05:33 (Europe/Berlin, UTC+01:00)".</summary>
    public string Full(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{local.ToString("dddd d MMMM yyyy, HH:mm:ss", Format)} ({Zone.Id}, UTC{sign}{offset:hh\\:mm})";
    }
}
