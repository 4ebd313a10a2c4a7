using System.Text.RegularExpressions;

namespace TwitterAddon.Emulator.World;

/// <summary>
/// Acting as X's other users: customers who DM or mention the account. The control API and the Sandbox page
/// both go through here; reads return copies taken under the world's lock.
/// </summary>
public sealed partial class Sandbox(EmulatorWorld world, XActivity activity)
{
    public EmulatedUser Account
    {
        get
        {
            lock (world.Gate)
            {
                return world.Users[SandboxSeed.AccountId];
            }
        }
    }

    /// <summary>What the demo app has on X API v2, as if its developer account had bought it.</summary>
    public V2Access DemoAppAccess
    {
        get
        {
            lock (world.Gate)
            {
                return DemoApp.Access;
            }
        }

        set
        {
            lock (world.Gate)
            {
                DemoApp.Access = value;
            }

            world.NotifyChanged();
        }
    }

    private EmulatedApp DemoApp => world.FindAppByConsumerKey(SandboxSeed.ConsumerKey)!;

    public IReadOnlyList<EmulatedUser> Customers()
    {
        lock (world.Gate)
        {
            return [.. world.Users.Values.Where(u => u.Id != SandboxSeed.AccountId).OrderBy(u => u.Id, StringComparer.Ordinal)];
        }
    }

    public XOutcome<EmulatedUser> CreateUser(string screenName, string name, bool directMessagesOpen)
    {
        EmulatedUser user;
        lock (world.Gate)
        {
            if (world.FindUserByScreenName(screenName) is not null)
            {
                return new XFailure(409, 38, $"@{screenName.TrimStart('@')} already exists.");
            }

            user = new EmulatedUser
            {
                Id = world.NextUserId(), ScreenName = screenName.TrimStart('@'), Name = name,
                DirectMessagesOpen = directMessagesOpen, CreatedAt = world.Now,
            };
            world.AddUser(user);
        }

        world.NotifyChanged();
        return user;
    }

    public XOutcome<EmulatedDirectMessage> SendDirectMessage(string sender, string? recipient, string text)
    {
        var (from, to) = Resolve(sender, recipient ?? SandboxSeed.AccountId);
        return from is null || to is null
            ? new XFailure(404, 108, "Cannot find specified user.")
            : activity.SendDirectMessage(from.Id, to.Id, text, sourceAppId: null);
    }

    public XOutcome<EmulatedTweet> PostTweet(string author, string text, string? inReplyToStatusId = null, string? quotedStatusId = null)
    {
        var (user, _) = Resolve(author, null);
        return user is null
            ? new XFailure(404, 108, "Cannot find specified user.")
            : activity.PostTweet(new TweetDraft(user.Id, text)
            {
                InReplyToStatusId = inReplyToStatusId, QuotedStatusId = quotedStatusId, AutoPopulateReplyMetadata = true,
            });
    }

    public XOutcome<EmulatedTweet> Retweet(string user, string tweetId)
    {
        var (retweeter, _) = Resolve(user, null);
        return retweeter is null ? new XFailure(404, 108, "Cannot find specified user.") : activity.Retweet(retweeter.Id, tweetId);
    }

    /// <summary>The DM conversation between the account and a customer, oldest first.</summary>
    public IReadOnlyList<EmulatedDirectMessage> DirectMessagesWith(string customerId)
    {
        lock (world.Gate)
        {
            return [.. world.DirectMessages.Where(m => (m.SenderId == customerId && m.RecipientId == SandboxSeed.AccountId)
                || (m.SenderId == SandboxSeed.AccountId && m.RecipientId == customerId))];
        }
    }

    /// <summary>The customer's tweets and every tweet in reply to them, oldest first: the public thread.</summary>
    public IReadOnlyList<EmulatedTweet> PublicThreadOf(string customerId)
    {
        lock (world.Gate)
        {
            var ids = world.Tweets.Values.Where(t => t.AuthorId == customerId).Select(t => t.Id).ToHashSet();
            var added = true;
            while (added)
            {
                added = false;
                foreach (var reply in world.Tweets.Values.Where(t => t.InReplyToStatusId is { } p && ids.Contains(p)))
                {
                    added |= ids.Add(reply.Id);
                }
            }

            return [.. world.Tweets.Values.Where(t => ids.Contains(t.Id)).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>What a user has sent: DMs and tweets, oldest first.</summary>
    public (IReadOnlyList<EmulatedDirectMessage> DirectMessages, IReadOnlyList<EmulatedTweet> Tweets) SentBy(string userId)
    {
        lock (world.Gate)
        {
            return ([.. world.DirectMessages.Where(m => m.SenderId == userId)],
                [.. world.Tweets.Values.Where(t => t.AuthorId == userId).OrderBy(t => t.CreatedAt)]);
        }
    }

    public string ScreenNameOf(string userId) => UserOf(userId)?.ScreenName ?? userId;

    /// <summary>Who wrote the tweet, for "Quoting @…"; null when X has no such tweet.</summary>
    public string? TweetAuthorOf(string tweetId)
    {
        lock (world.Gate)
        {
            return world.Tweets.GetValueOrDefault(tweetId)?.AuthorId;
        }
    }

    public EmulatedUser? UserOf(string userId)
    {
        lock (world.Gate)
        {
            return world.Users.GetValueOrDefault(userId);
        }
    }

    /// <summary>Splits off a DM deep link at the very end, which X shows as a "Send a private message" button.</summary>
    public static (string Text, string? DeepLink) SplitDeepLink(string text)
    {
        var match = DeepLink().Match(text);
        return match.Success ? (text[..match.Index].TrimEnd(), match.Value) : (text, null);
    }

    private (EmulatedUser? First, EmulatedUser? Second) Resolve(string first, string? second)
    {
        lock (world.Gate)
        {
            return (UserReference.Find(world, first), UserReference.Find(world, second));
        }
    }

    [GeneratedRegex(@"https://(twitter|x)\.com/messages/compose\?recipient_id=\d+\S*(?=\s*$)")]
    private static partial Regex DeepLink();
}
