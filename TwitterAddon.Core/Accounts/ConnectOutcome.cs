namespace TwitterAddon.Core.Accounts;

/// <summary>
/// How Save ended: connected, refused at a step with a message that says what to fix, or waiting for the admin
/// to allow replacing another app's webhook in the environment.
/// </summary>
public sealed record ConnectOutcome(bool Succeeded, ConnectStep? FailedStep, string? Message, string? WebhookToReplace = null)
{
    public static ConnectOutcome Connected { get; } = new(true, null, null);

    public static ConnectOutcome Failed(ConnectStep step, string message) => new(false, step, message);

    public bool NeedsReplaceConfirmation => WebhookToReplace is not null;
}
