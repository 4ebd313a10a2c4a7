namespace TwitterAddon.Emulator.Webhooks;

/// <summary>What happened to one delivery attempt, for the control API and the Sandbox page.</summary>
public sealed record DeliveryRecord(DateTimeOffset At, string WebhookUrl, string ForUserId, int Attempt, int? Status, string Outcome);
