using System.Globalization;
using TwitterAddon.Core.Inbox;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// What the inbox keeps of an oversized delivery, said in the event's outcome: the message and profile types cut what
/// is too long (<see cref="Message.MaxStoredTextLength"/>, <see cref="Contact.NameMaxLength"/>); this names what was cut.
/// </summary>
internal static class InboundLimits
{
    /// <summary>"DM text cut from 1,048,576 to 20,000 characters" and the like, one per field that is over its limit.</summary>
    public static IEnumerable<string> Cuts(InboundItem item) => item switch
    {
        DirectMessageItem dm => Over("DM text", dm.Text, Message.MaxStoredTextLength).Concat(Person(dm.Sender)).Concat(Person(dm.Recipient)),
        TweetItem tweet => Over("post text", tweet.Text, Message.MaxStoredTextLength).Concat(Person(tweet.Author)),
        _ => [],
    };

    private static IEnumerable<string> Person(XPerson? person) => person is null ? [] :
        Over("name", person.Name, Contact.NameMaxLength).Concat(Over("handle", person.ScreenName, Contact.ScreenNameMaxLength));

    private static IEnumerable<string> Over(string what, string value, int max) => value.Length <= max ? [] :
        [string.Create(CultureInfo.InvariantCulture, $"{what} cut from {value.Length:N0} to {max:N0} characters")];
}
