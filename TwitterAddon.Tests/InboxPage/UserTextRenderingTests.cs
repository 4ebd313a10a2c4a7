using Bunit;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Pages.Inbox;

namespace TwitterAddon.Tests.InboxPage;

/// <summary>What customers write cannot spoof what agents read, nor make their browsers call out.</summary>
public sealed class UserTextRenderingTests : MudTestContext
{
    [Fact]
    public void NamesHandlesAndPreviews_AreIsolated_AndDirectionOverridesShown()
    {
        var list = Render<ConversationList>(p => p.Add(c => c.Items, [Row("Jane\u202Eeod", "jane", "Refund for invoice\u202Efdp.exe")]));

        var isolated = list.FindAll("bdi").Select(b => b.TextContent).ToList();
        Assert.Contains("Jane[U+202E]eod", isolated);
        Assert.Contains("jane", isolated);
        Assert.Contains("Refund for invoice[U+202E]fdp.exe", isolated);
        Assert.DoesNotContain('\u202E', list.Markup);
    }

    [Fact]
    public void AnAvatarFromElsewhere_IsNotLoaded_TheInitialsShowInstead()
    {
        var list = Render<ConversationList>(p => p.Add(c => c.Items, [Row("Jane Doe", "jane", "hi", "http://169.254.169.254/pixel.gif")]));

        Assert.DoesNotContain("169.254.169.254", list.Markup);
        Assert.Contains("JD", list.Find(".conversation-avatar").TextContent);
    }

    /// <summary>A row as the inbox reads it: the contact as stored, its avatar checked at the door.</summary>
    private static ConversationListItem Row(string name, string handle, string preview, string? avatar = null) =>
        new(1, ChannelKind.DirectMessage, null, name, handle, Contact.Of("5", name, handle, avatar).ProfileImageUrl, preview, DateTimeOffset.UnixEpoch, 1, ConversationStatus.Open);
}
