using TwitterAddon.Core.Twitter.Payloads;

namespace TwitterAddon.Tests.Twitter;

public sealed class DirectMessageTextTests
{
    [Fact]
    public void XsShortenedLinks_AreExpandedBack_SoAReplyIsRecognisedInTheHistory()
    {
        var listed = new XMessageData("Track it at https://t.co/AbC123 or https://t.co/Zz9")
        {
            Entities = new XMessageEntities([new XUrlEntity("https://t.co/AbC123", "https://acme.example/track/1234"), new XUrlEntity("https://t.co/Zz9", "https://acme.example/help")]),
        };

        Assert.Equal("Track it at https://acme.example/track/1234 or https://acme.example/help", listed.ExpandedText);
        Assert.Equal("no links", new XMessageData("no links").ExpandedText);
    }
}
