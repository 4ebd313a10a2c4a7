namespace TwitterAddon.Core.Inbound;

/// <summary>A delivery read: who it is for (absent on user_event) and what happened, in order.</summary>
public sealed record ActivityPayload(string? ForUserId, IReadOnlyList<InboundItem> Items);
