namespace TwitterAddon.Emulator.World;

/// <summary>What an emulated X operation produced: a value, or the error X would answer.</summary>
public sealed record XOutcome<T>(T? Value, XFailure? Failure)
    where T : class
{
    public static implicit operator XOutcome<T>(T value) => new(value, null);

    public static implicit operator XOutcome<T>(XFailure failure) => new(null, failure);
}
