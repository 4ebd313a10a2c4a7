using System.Text;
using TwitterAddon.Core.Inbound;

namespace TwitterAddon.Tests.Inbound;

/// <summary>The X Activity API's deliveries, as docs.x.com shows them (event-payloads), read into the same items as AAA payloads.</summary>
public sealed class ActivityApiReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ADmReceived_CarriesTheLegacyEvent_AndTheV2UsersMap()
    {
        var payload = Read("""
            {"data":{"event_uuid":"-6850472171600526495","filter":{"user_id":"1111111111111111111"},"event_type":"dm.received","tag":"dm-inbound",
             "payload":{"direct_message_events":[{"type":"message_create","id":"2080765901528535096","created_timestamp":"1784928224372",
               "message_create":{"target":{"recipient_id":"1111111111111111111"},"sender_id":"2222222222222222222",
                 "message_data":{"text":"hello!","entities":{"hashtags":[],"symbols":[],"user_mentions":[],"urls":[]}}}}],
               "users":{"2222222222222222222":{"data":{"id":"2222222222222222222","username":"OtherUser","name":"Other User",
                 "profile_image_url":"https://pbs.twimg.com/a_normal.jpg","description":"","url":""}}}}}}
            """);

        Assert.Equal(("1111111111111111111", "dm-inbound"), (payload.ForUserId, payload.Tag));
        var dm = Assert.IsType<DirectMessageItem>(Assert.Single(payload.Items));
        Assert.Equal(("2080765901528535096", "2222222222222222222", "hello!"), (dm.EventId, dm.SenderId, dm.Text));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1784928224372), dm.At);
        Assert.Equal(new XPerson("2222222222222222222", "Other User", "OtherUser", "https://pbs.twimg.com/a_normal.jpg"), dm.Sender);
    }

    [Fact]
    public void APostReply_IsAV2Post_WithTheLeadingMentionOutsideTheText_AndNoAuthorInIncludes()
    {
        var payload = Read("""
            {"data":{"event_uuid":"3091827364059182736","filter":{"user_id":"1111111111111111111"},"event_type":"post.reply.create","tag":"replies",
             "payload":{"created_at":"2026-08-12T18:00:00.000Z","edit_history_tweet_ids":["2090000000000000001"],"conversation_id":"2080761390344937796",
               "in_reply_to_tweet_id":"2080761390344937796","in_reply_to_user_id":"1111111111111111111",
               "referenced_tweets":[{"type":"replied_to","id":"2080761390344937796"}],"display_text_range":[13,45],
               "text":"@ExampleUser Great post — thanks for sharing!",
               "entities":{"mentions":[{"start":0,"start_str":"0","end":12,"end_str":"12","username":"ExampleUser","id":"1111111111111111111"}]},
               "author_id":"2222222222222222222","reply_settings":"everyone","id":"2090000000000000001","lang":"en"},"includes":{}}}
            """);

        var post = Assert.IsType<TweetItem>(Assert.Single(payload.Items));
        Assert.Equal(("2090000000000000001", "Great post — thanks for sharing!", "2080761390344937796", "1111111111111111111"),
            (post.TweetId, post.Text, post.InReplyToStatusId, post.InReplyToUserId));
        Assert.Equal(new XPerson("2222222222222222222", "", "", null), post.Author);
        Assert.Equal(["1111111111111111111"], post.MentionedUserIds);
        Assert.Empty(post.ExplicitMentionIds);
        Assert.Equal(new DateTimeOffset(2026, 8, 12, 18, 0, 0, TimeSpan.Zero), post.At);
    }

    [Fact]
    public void AMention_JoinsItsAuthorFromIncludes_AndAQuote_ItsQuotedAuthor()
    {
        var payload = Read("""
            {"data":[
              {"event_uuid":"1","filter":{"user_id":"1000000001"},"event_type":"post.mention.create","tag":"prod",
               "payload":{"id":"500","author_id":"1000000002","text":"hey @AcmeSupport","display_text_range":[0,16],"created_at":"2026-12-01T09:00:00.000Z",
                 "entities":{"mentions":[{"start":4,"end":16,"username":"AcmeSupport","id":"1000000001"}]}},
               "includes":{"users":[{"id":"1000000002","username":"jane_doe","name":"Jane Doe","profile_image_url":"https://pbs.twimg.com/j.jpg"}]}},
              {"event_uuid":"2","filter":{"user_id":"1000000001"},"event_type":"post.quote.create","tag":"prod",
               "payload":{"id":"501","author_id":"1000000003","text":"look at this","display_text_range":[0,12],"created_at":"2026-12-01T09:01:00.000Z",
                 "referenced_tweets":[{"type":"quoted","id":"400"}]},
               "includes":{"tweets":[{"id":"400","author_id":"1000000001","text":"Our news"}]}}
            ]}
            """);

        var mention = Assert.IsType<TweetItem>(payload.Items[0]);
        var quote = Assert.IsType<TweetItem>(payload.Items[1]);
        Assert.Equal(("jane_doe", "Jane Doe", "hey @AcmeSupport"), (mention.Author.ScreenName, mention.Author.Name, mention.Text));
        Assert.Equal(["1000000001"], mention.ExplicitMentionIds);
        Assert.Equal("1000000001", quote.QuotedAuthorId);
    }

    [Fact]
    public void ALongPost_IsReadFromItsNoteTweet()
    {
        var full = "@AcmeSupport " + new string('x', 400);
        var payload = Read("""
            {"data":{"event_uuid":"9","filter":{"user_id":"1000000001"},"event_type":"post.mention.create",
             "payload":{"id":"600","author_id":"1000000002","text":"@AcmeSupport xxx… https://t.co/abc","display_text_range":[0,34],
               "note_tweet":{"text":"FULL","entities":{"mentions":[{"start":0,"end":12,"username":"AcmeSupport","id":"1000000001"}]}}}}}
            """.Replace("FULL", full, StringComparison.Ordinal));

        Assert.Equal(full, Assert.IsType<TweetItem>(Assert.Single(payload.Items)).Text);
    }

    [Fact]
    public void ARevoke_NamesTheUser_AndAnUnknownEventIsANotice()
    {
        var revoke = Read("""{"data":{"event_uuid":"5934540941047412905","filter":{},"event_type":"oauth.revoke","payload":{"date_time":"2026-07-23T21:44:05+00:00","user_id":"1000000001","app_id":"29820954"}}}""");
        var unknown = Read("""{"data":{"event_uuid":"7","filter":{"user_id":"1000000001"},"event_type":"profile.update.bio","payload":{"before":"a","after":"b"}}}""");

        Assert.Equal(new RevokeItem("1000000001"), Assert.Single(revoke.Items));
        Assert.Null(revoke.ForUserId);
        Assert.Equal(new NoticeItem("X Activity event \"profile.update.bio\""), Assert.Single(unknown.Items));
    }

    [Theory]
    [InlineData("""{"data":[]}""", "'data' holds no events.")]
    [InlineData("""{"data":"x"}""", "'data' is neither an event nor a list of events.")]
    [InlineData("""{"data":{"event_type":"dm.received","payload":{}}}""", "'event_uuid' is missing.")]
    [InlineData("""{"data":{"event_uuid":"1","event_type":"dm.received"}}""", "'payload' is missing.")]
    [InlineData("""{"data":{"event_uuid":"1","event_type":"post.mention.create","payload":{"id":"1","text":"x"}}}""", "'author_id' is missing.")]
    public void AMalformedEnvelope_IsUnreadable_WithTheReason(string json, string reason)
    {
        var error = Assert.Throws<UnreadablePayloadException>(() => Read(json));

        Assert.Equal(reason, error.Message);
    }

    private static ActivityPayload Read(string json) => ActivityPayloadReader.Read(Encoding.UTF8.GetBytes(json), Now);
}
