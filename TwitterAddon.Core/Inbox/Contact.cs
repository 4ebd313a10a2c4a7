using TwitterAddon.Core.Text;

namespace TwitterAddon.Core.Inbox;

/// <summary>A customer on X as we last saw them (DM <c>users</c> map or a tweet's <c>user</c>).</summary>
public sealed class Contact
{
    /// <summary>X allows 50 characters for a name and 15 for a handle; what is longer is cut to these (twice as generous).</summary>
    public const int NameMaxLength = 100;

    public const int ScreenNameMaxLength = 50;

    private Contact()
    {
    }

    public int Id { get; private set; }

    public string XUserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string ScreenName { get; private set; } = "";

    public string? ProfileImageUrl { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>X named them by id only (a v2 reply or quote comes without its author): the profile is to be looked up.</summary>
    public bool ProfileWanted { get; private set; }

    /// <summary>Someone X named only by id so far: the id stands in for the name until X sends a profile.</summary>
    public static Contact Unknown(string xUserId) => new() { XUserId = xUserId, Name = xUserId, ScreenName = xUserId, ProfileWanted = true };

    public static Contact Of(string xUserId, string name, string screenName, string? profileImageUrl = null) => new()
    {
        XUserId = xUserId, Name = TextCut.ToLength(name, NameMaxLength), ScreenName = TextCut.ToLength(screenName, ScreenNameMaxLength),
        ProfileImageUrl = Twitter.XProfileImage.Safe(profileImageUrl),
    };

    /// <summary>The latest profile X sent; an empty name falls back to the handle, a missing avatar keeps the old one.</summary>
    public void UpdateProfile(string name, string screenName, string? profileImageUrl, DateTimeOffset now)
    {
        if (screenName.Length == 0)
        {
            return;
        }

        ProfileWanted = false;
        screenName = TextCut.ToLength(screenName, ScreenNameMaxLength);
        var shown = TextCut.ToLength(name.Length > 0 ? name : screenName, NameMaxLength);
        // Only an avatar agents' browsers may load is kept (XProfileImage); a missing or refused one keeps the old one.
        var avatar = Twitter.XProfileImage.Safe(profileImageUrl) ?? ProfileImageUrl;
        if ((Name, ScreenName, ProfileImageUrl) != (shown, screenName, avatar))
        {
            (Name, ScreenName, ProfileImageUrl, UpdatedAt) = (shown, screenName, avatar, now);
        }
    }

    /// <summary>X has no profile for them (deleted or suspended): the id stays, and nobody asks again.</summary>
    public void NoProfileAtX() => ProfileWanted = false;
}
