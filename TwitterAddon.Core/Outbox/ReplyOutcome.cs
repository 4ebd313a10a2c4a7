namespace TwitterAddon.Core.Outbox;

/// <summary>
/// Queued (the outbox takes it from here), or refused with the reason, nothing written. <see cref="PreviewChanged"/>
/// says the composer's preview is out of date (the channel changed): it reloads before the agent tries again.
/// </summary>
public sealed record ReplyOutcome(bool Queued, string? Error, long? MessageId = null, bool PreviewChanged = false)
{
    public static ReplyOutcome Refused(string error, bool previewChanged = false) => new(false, error, PreviewChanged: previewChanged);
}
