namespace TwitterAddon.Emulator.Api;

/// <summary>
/// How X answers one of the next calls, in the order given: "ok"; "fail" with an HTTP status and X's code; or
/// "drop": X carries the call out, then the connection drops before the answer, so the caller cannot know.
/// </summary>
public sealed record ScriptedAnswer(string Answer, int Status = 503, int Code = 131)
{
    public const string Ok = "ok";
    public const string Fail = "fail";
    public const string Drop = "drop";

    public static readonly string[] Kinds = [Ok, Fail, Drop];
}
