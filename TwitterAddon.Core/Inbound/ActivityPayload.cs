namespace TwitterAddon.Core.Inbound;

/// <summary>
/// A delivery read: who it is for (absent on user_event), what happened, in order, and on the X Activity API
/// the <c>tag</c> of the install whose subscription it came through.
/// </summary>
public sealed record ActivityPayload(string? ForUserId, IReadOnlyList<InboundItem> Items, string? Tag = null);
