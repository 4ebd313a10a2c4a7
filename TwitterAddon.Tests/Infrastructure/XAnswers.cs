namespace TwitterAddon.Tests.Infrastructure;

/// <summary>Answers for the emulated X's fault script, one per call: <c>ScriptAsync(Fail(503), Drop(), Ok())</c>.</summary>
public static class XAnswers
{
    public static object Fail(int status, int code = 131) => new { answer = "fail", status, code };

    public static object Drop() => new { answer = "drop" };

    public static object Ok() => new { answer = "ok" };
}
