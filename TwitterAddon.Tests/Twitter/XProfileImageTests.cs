using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Tests.Twitter;

/// <summary>An avatar from a payload is loaded by agents' browsers only from X's image hosts (or inlined); never from anywhere else.</summary>
public sealed class XProfileImageTests
{
    [Theory]
    [InlineData("https://pbs.twimg.com/profile_images/1/a_normal.jpg", true)]
    [InlineData("https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png", true)]
    [InlineData("data:image/svg+xml;base64,PHN2Zy8+", true)]
    [InlineData("http://pbs.twimg.com/profile_images/1/a_normal.jpg", false)]
    [InlineData("https://pbs.twimg.com.evil.example/a.jpg", false)]
    [InlineData("https://user@pbs.twimg.com/a.jpg", false)]
    [InlineData("https://pbs.twimg.com:8443/a.jpg", false)]
    [InlineData("http://169.254.169.254/latest/meta-data/", false)]
    [InlineData("https://tracker.example/pixel.gif?agent=1", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", false)]
    [InlineData("", false)]
    public void OnlyXsImageHosts_OrAnInlinedImage_AreKept(string url, bool kept) =>
        Assert.Equal(kept ? url : null, XProfileImage.Safe(url));

    [Fact]
    public void AContactsRefusedAvatar_KeepsTheOneItHad()
    {
        var contact = Contact.Of("5", "Jane", "jane", "https://pbs.twimg.com/j.jpg");

        contact.UpdateProfile("Jane", "jane", "http://10.0.0.7/track.gif", DateTimeOffset.UnixEpoch);

        Assert.Equal("https://pbs.twimg.com/j.jpg", contact.ProfileImageUrl);
        Assert.Null(Contact.Of("6", "Bob", "bob", "https://tracker.example/p.gif").ProfileImageUrl);
    }
}
