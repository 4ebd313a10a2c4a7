namespace TwitterAddon.Core.Team;

public sealed record TeamMemberSummary(
    string Id, string DisplayName, string Email, string Role, bool IsActive, DateTimeOffset CreatedAt);
