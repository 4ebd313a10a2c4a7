namespace TwitterAddon.Core.Validation;

/// <summary>What a service did with a request: done, or refused with a message a person can act on.</summary>
public sealed record Outcome(bool Succeeded, string? Error)
{
    public static Outcome Ok { get; } = new(true, null);

    public static Outcome Refused(string error) => new(false, error);
}
