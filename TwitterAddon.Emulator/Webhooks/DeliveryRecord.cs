namespace TwitterAddon.Emulator.Webhooks;

/// <summary>What happened to one delivery attempt, for the control API and the Sandbox page.</summary>
/// <param name="RetryIn">When X tries again after a failed attempt (Premium); null when it will not.</param>
public sealed record DeliveryRecord(DateTimeOffset At, string WebhookUrl, string ForUserId, int Attempt, int? Status, string Outcome, TimeSpan? RetryIn);
