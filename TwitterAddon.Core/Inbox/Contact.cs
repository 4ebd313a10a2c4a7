namespace TwitterAddon.Core.Inbox;

/// <summary>A customer on X as we last saw them (DM <c>users</c> map or a tweet's <c>user</c>).</summary>
public sealed class Contact
{
    public int Id { get; set; }

    public required string XUserId { get; set; }

    public required string Name { get; set; }

    public required string ScreenName { get; set; }

    public string? ProfileImageUrl { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
