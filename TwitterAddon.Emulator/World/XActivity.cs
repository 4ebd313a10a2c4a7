using System.Text.Json.Nodes;
using TwitterAddon.Core.Text;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.Webhooks;

namespace TwitterAddon.Emulator.World;

/// <summary>
/// What people do on X, with X's rules: DMs (10,000 characters, closed DMs) and tweets (280 weighted,
/// duplicates, replies threaded only with auto_populate_reply_metadata, and on self-serve v2 replies only to posts
/// that summon the replier). Each produces the events X would send: the Account Activity payloads to every
/// subscribed user it concerns, the author included (echoes), and the X Activity API envelopes.
/// </summary>
public sealed class XActivity(EmulatorWorld world, WebhookDeliveries deliveries, ActivityDeliveries activity)
{
    public const int MaxDirectMessageLength = 10_000;

    public XOutcome<EmulatedDirectMessage> SendDirectMessage(string senderId, string recipientId, string text, string? sourceAppId)
    {
        EmulatedDirectMessage message;
        lock (world.Gate)
        {
            if (string.IsNullOrEmpty(text))
            {
                return XFailure.MissingParameter("text");
            }

            if (text.Length > MaxDirectMessageLength)
            {
                return new XFailure(403, 354, "The text of your direct message is over the max character limit.");
            }

            if (!world.Users.TryGetValue(recipientId, out var recipient))
            {
                return new XFailure(404, 108, "Cannot find specified user.");
            }

            if (senderId == recipientId)
            {
                return new XFailure(403, 151, "There was an error sending your message: You cannot send messages to yourself.");
            }

            if (!recipient.DirectMessagesOpen)
            {
                return new XFailure(403, 349, "You cannot send messages to this user.");
            }

            message = new EmulatedDirectMessage(world.NextId(), senderId, recipientId, text, world.Now, sourceAppId);
            world.DirectMessages.Add(message);
            foreach (var userId in new[] { senderId, recipientId })
            {
                deliveries.Publish(userId, ActivityPayloads.DirectMessage(userId, message, world));
            }

            if (activity.AnySubscription)
            {
                var payload = ActivityPayloads.ActivityDirectMessage(message, world);
                activity.Publish("dm.sent", senderId, payload);
                activity.Publish("dm.received", recipientId, payload);
            }
        }

        world.NotifyChanged();
        return message;
    }

    public XOutcome<EmulatedTweet> PostTweet(TweetDraft draft)
    {
        EmulatedTweet tweet;
        lock (world.Gate)
        {
            if (string.IsNullOrWhiteSpace(draft.Status))
            {
                return XFailure.MissingParameter("status");
            }

            if (!TweetText.Parse(draft.Status).IsValid)
            {
                return new XFailure(403, 186, "Tweet needs to be a bit shorter.");
            }

            if (world.Tweets.Values.Any(t => t.AuthorId == draft.AuthorId && t.TypedText == draft.Status))
            {
                return new XFailure(403, 187, "Status is a duplicate.");
            }

            EmulatedTweet? parent = null;
            if (draft.InReplyToStatusId is { } parentId && !world.Tweets.TryGetValue(parentId, out parent))
            {
                return new XFailure(403, 385, "You attempted to reply to a Tweet that is deleted or not visible to you.");
            }

            if (parent is not null && draft.OnlyWhereSummoned && !Summons(parent, draft.AuthorId))
            {
                return new XFailure(403, ReplyRuleCode, "You can only reply to or quote posts where you are mentioned or are the author.");
            }

            if (draft.QuotedStatusId is { } quotedId && !world.Tweets.ContainsKey(quotedId))
            {
                return new XFailure(403, 385, "You attempted to quote a Tweet that is deleted or not visible to you.");
            }

            tweet = Create(draft, parent);
            world.Tweets[tweet.Id] = tweet;
            PublishTweet(tweet);
        }

        world.NotifyChanged();
        return tweet;
    }

    /// <summary>A plain retweet: X tells the retweeter and the original author, never the users it mentions.</summary>
    public XOutcome<EmulatedTweet> Retweet(string userId, string tweetId)
    {
        EmulatedTweet retweet;
        lock (world.Gate)
        {
            if (!world.Tweets.TryGetValue(tweetId, out var original))
            {
                return XFailure.NotFound();
            }

            var text = $"RT @{world.Users[original.AuthorId].ScreenName}: {original.TypedText}";
            retweet = new EmulatedTweet
            {
                Id = world.NextId(), AuthorId = userId, FullText = text, DisplayStart = 0, CreatedAt = world.Now,
                RetweetedStatusId = original.Id,
            };
            world.Tweets[retweet.Id] = retweet;
            foreach (var id in new[] { userId, original.AuthorId }.Distinct())
            {
                deliveries.Publish(id, ActivityPayloads.TweetCreate(id, retweet, world));
            }
        }

        world.NotifyChanged();
        return retweet;
    }

    private EmulatedTweet Create(TweetDraft draft, EmulatedTweet? parent)
    {
        var parentAuthor = parent is null ? null : world.Users[parent.AuthorId];
        var threaded = parentAuthor is not null
            && (draft.AutoPopulateReplyMetadata || TweetEntities.MentionedUsers(draft.Status, world).Any(u => u.Id == parentAuthor.Id));
        // X writes the reply's leading mentions itself: the parent's author, then everyone the parent mentions.
        var prefix = threaded && draft.AutoPopulateReplyMetadata
            ? string.Concat(new[] { parentAuthor! }
                .Concat(TweetEntities.MentionedUsers(parent!.FullText, world))
                .Where(u => u.Id != draft.AuthorId)
                .DistinctBy(u => u.Id)
                .Select(u => $"@{u.ScreenName} "))
            : "";
        return new EmulatedTweet
        {
            Id = world.NextId(), AuthorId = draft.AuthorId, FullText = prefix + draft.Status,
            DisplayStart = CodePoints.Count(prefix), CreatedAt = world.Now,
            InReplyToStatusId = threaded ? parent!.Id : null, InReplyToUserId = threaded ? parentAuthor!.Id : null,
            QuotedStatusId = draft.QuotedStatusId, SourceAppId = draft.SourceAppId,
        };
    }

    /// <summary>The pseudo-code of X's reply rule refusal, which v2 answers as a 403 problem with only its words.</summary>
    public const int ReplyRuleCode = 433;

    /// <summary>X's reply rule: the post's author is the replier, or the post mentions the replier in its own words or quotes their post.</summary>
    private bool Summons(EmulatedTweet post, string replierId) =>
        post.AuthorId == replierId
        || TweetEntities.MentionedUsers(post.TypedText, world).Any(u => u.Id == replierId)
        || (post.QuotedStatusId is { } quoted && world.Tweets.TryGetValue(quoted, out var original) && original.AuthorId == replierId);

    /// <summary>The author (echo), everyone mentioned, the author replied to and the author quoted.</summary>
    private void PublishTweet(EmulatedTweet tweet)
    {
        PublishActivity(tweet);
        var concerned = new List<string> { tweet.AuthorId };
        concerned.AddRange(TweetEntities.MentionedUsers(tweet.FullText, world).Select(u => u.Id));
        if (tweet.InReplyToUserId is { } repliedTo)
        {
            concerned.Add(repliedTo);
        }

        if (tweet.QuotedStatusId is { } quotedId)
        {
            concerned.Add(world.Tweets[quotedId].AuthorId);
        }

        foreach (var userId in concerned.Distinct())
        {
            deliveries.Publish(userId, ActivityPayloads.TweetCreate(userId, tweet, world));
        }
    }

    /// <summary>
    /// The X Activity API's post events: the author's own post, an explicit @mention in the typed text (not the
    /// reply's leading ones), a direct reply to the user's post, a quote of the user's post. Replies and quotes come
    /// with an empty <c>includes</c>, as X's samples show them (x-v2 wire research 5): their author is an id only.
    /// </summary>
    private void PublishActivity(EmulatedTweet tweet)
    {
        if (!activity.AnySubscription)
        {
            return;
        }

        var post = V2Json.Post(tweet, world);
        var includes = V2Json.Includes(tweet, post, world);
        activity.Publish("post.create", tweet.AuthorId, post, includes);
        foreach (var mentioned in TweetEntities.MentionedUsers(tweet.TypedText, world).Select(u => u.Id).Distinct().Where(id => id != tweet.AuthorId))
        {
            activity.Publish("post.mention.create", mentioned, post, includes);
        }

        if (tweet.InReplyToStatusId is { } parentId && world.Tweets.TryGetValue(parentId, out var parent) && parent.AuthorId != tweet.AuthorId)
        {
            activity.Publish("post.reply.create", parent.AuthorId, post, new JsonObject());
        }

        if (tweet.QuotedStatusId is { } quotedId && world.Tweets.TryGetValue(quotedId, out var quoted) && quoted.AuthorId != tweet.AuthorId)
        {
            activity.Publish("post.quote.create", quoted.AuthorId, post, new JsonObject());
        }
    }
}
