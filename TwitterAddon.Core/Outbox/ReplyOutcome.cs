namespace TwitterAddon.Core.Outbox;

/// <summary>Queued (the outbox takes it from here), or refused with the reason, nothing written.</summary>
public sealed record ReplyOutcome(bool Queued, string? Error, long? MessageId = null)
{
    public static ReplyOutcome Refused(string error) => new(false, error);
}
