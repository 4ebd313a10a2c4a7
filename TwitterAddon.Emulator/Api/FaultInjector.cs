using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary>Holds the current <see cref="FaultPlan"/> and decides, call by call, whether X "fails".</summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private FaultPlan plan = FaultPlan.None;
    private int failNextLeft;
    private Queue<ScriptedAnswer> script = new();

    public FaultPlan Current
    {
        get
        {
            lock (gate)
            {
                // The script's remaining answers stay in the queue: every call reads this, and none needs them.
                return plan with { FailNextCount = failNextLeft, Script = [] };
            }
        }
    }

    public void Set(FaultPlan newPlan)
    {
        lock (gate)
        {
            plan = newPlan;
            failNextLeft = newPlan.FailNextCount;
            script = new Queue<ScriptedAnswer>(newPlan.Script);
        }
    }

    /// <summary>The scripted answer for this call, taken off the script; null once the script is played out.</summary>
    public ScriptedAnswer? NextScripted()
    {
        lock (gate)
        {
            return script.TryDequeue(out var answer) ? answer : null;
        }
    }

    /// <summary>The failure of a scripted "fail".</summary>
    public static XFailure FailureOf(ScriptedAnswer answer) => Failure(answer.Status, answer.Code);

    /// <summary>The failure this call should get, if any. Error rates use a shared random source.</summary>
    public XFailure? NextFailure()
    {
        lock (gate)
        {
            if (failNextLeft > 0)
            {
                failNextLeft--;
                return Failure(plan.FailNextStatus, plan.FailNextCode);
            }

            return plan.ErrorRate > 0 && Random.Shared.NextDouble() < plan.ErrorRate ? Failure(plan.ErrorStatus, plan.ErrorCode) : null;
        }
    }

    /// <summary>Whether this call, already carried out, should answer late.</summary>
    public bool AnswerLate()
    {
        var current = Current;
        return current.SlowAnswerRate > 0 && Random.Shared.NextDouble() < current.SlowAnswerRate;
    }

    private static XFailure Failure(int status, int code) => code switch
    {
        88 => new XFailure(429, 88, "Rate limit exceeded."),
        _ => new XFailure(status, code, status >= 500 ? "Over capacity." : "Injected failure."),
    };
}
