using System.Diagnostics.Metrics;

namespace TwitterAddon.Core.Telemetry;

/// <summary>
/// The add-on's one meter. Each feature creates its instruments on it beside the code it measures (acks in the
/// webhook writer, X calls in the transport); the web host exports it at <c>/metrics</c> with ASP.NET Core's and the
/// runtime's meters. Names follow OpenTelemetry's conventions; Prometheus sees <c>twitteraddon_…</c>.
/// </summary>
public static class AddonMeter
{
    public const string Name = "TwitterAddon";

    public static Meter Instance { get; } = new(Name);
}
