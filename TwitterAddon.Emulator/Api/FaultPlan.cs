namespace TwitterAddon.Emulator.Api;

/// <summary>
/// Faults the control API injects into the X API: a share of calls failing, added latency, the next N calls
/// failing with a given code, and every webhook delivery sent twice.
/// </summary>
public sealed record FaultPlan
{
    public double ErrorRate { get; init; }

    public int ErrorStatus { get; init; } = 503;

    public int ErrorCode { get; init; } = 131;

    public int LatencyMs { get; init; }

    public int FailNextCount { get; init; }

    public int FailNextStatus { get; init; } = 503;

    public int FailNextCode { get; init; } = 131;

    public bool DuplicateDeliveries { get; init; }

    public static FaultPlan None { get; } = new();
}
