namespace TwitterAddon.Emulator.Api;

/// <summary>
/// Faults the control API injects into the X API: a share of calls failing, added latency, the next N calls
/// failing with a given code, every webhook delivery sent twice, calls done but answered too late, and a
/// script of answers for the next calls, so a test can play an exact sequence of faults.
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

    /// <summary>A share of calls that X carries out but answers late: the caller times out not knowing it worked.</summary>
    public double SlowAnswerRate { get; init; }

    public int SlowAnswerMs { get; init; } = 3000;

    /// <summary>Answers for the next calls, one each, before any other fault applies.</summary>
    public IReadOnlyList<ScriptedAnswer> Script { get; init; } = [];

    public static FaultPlan None { get; } = new();
}
