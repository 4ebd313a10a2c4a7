namespace TwitterAddon.Core.Accounts;

/// <summary>A step of Save starting; from the second step on it carries the account X verified, to show who is being connected.</summary>
public sealed record ConnectProgressReport(ConnectStep Step, string? Name = null, string? ScreenName = null, string? ProfileImageUrl = null);
