namespace TwitterAddon.Emulator.World;

/// <summary>
/// The emulator's in-memory X: apps, users, tokens, DMs and tweets. Every read or change of it holds
/// <see cref="Gate"/>; it is small and changes rarely, so one lock keeps it simple and consistent.
/// </summary>
public sealed class EmulatorWorld
{
    // X's snowflake epoch: ids made from it look and sort like X's (time in the high bits).
    private const long SnowflakeEpochMs = 1288834974657;
    private readonly TimeProvider clock;
    private long lastId;
    private long nextUserId = 1000000100;

    public EmulatorWorld(TimeProvider clock)
    {
        this.clock = clock;
        SandboxSeed.Apply(this, clock.GetUtcNow());
    }

    /// <summary>Raised after any change, for the Sandbox page to redraw. Handlers must not block.</summary>
    public event Action? Changed;

    public Lock Gate { get; } = new();

    public List<EmulatedApp> Apps { get; } = [];

    public Dictionary<string, EmulatedUser> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EmulatedToken> Tokens { get; } = new(StringComparer.Ordinal);

    public List<EmulatedDirectMessage> DirectMessages { get; } = [];

    public Dictionary<string, EmulatedTweet> Tweets { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A new, ever-increasing snowflake-style id.</summary>
    public string NextId()
    {
        var candidate = (clock.GetUtcNow().ToUnixTimeMilliseconds() - SnowflakeEpochMs) << 22;
        long id;
        long seen;
        do
        {
            seen = Interlocked.Read(ref lastId);
            id = Math.Max(candidate, seen + 1);
        }
        while (Interlocked.CompareExchange(ref lastId, id, seen) != seen);
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string NextUserId() => Interlocked.Increment(ref nextUserId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void AddUser(EmulatedUser user) => Users[user.Id] = user;

    public EmulatedUser? FindUserByScreenName(string screenName) =>
        Users.Values.FirstOrDefault(u => u.ScreenName.Equals(screenName.TrimStart('@'), StringComparison.OrdinalIgnoreCase));

    public EmulatedApp? FindAppByConsumerKey(string consumerKey) =>
        Apps.FirstOrDefault(a => a.ConsumerKey == consumerKey);

    public EmulatedApp? FindAppByBearerToken(string token) => Apps.FirstOrDefault(a => a.BearerToken == token);

    public void NotifyChanged() => Changed?.Invoke();

    /// <summary>
    /// Everything X would still know after a restart, written out by <paramref name="serialize"/> under <see cref="Gate"/>:
    /// the apps' nested lists change under the same lock, so they are read whole or not at all.
    /// </summary>
    public byte[] Capture(Func<WorldSnapshot, byte[]> serialize)
    {
        lock (Gate)
        {
            return serialize(new WorldSnapshot(
                WorldSnapshot.CurrentVersion, Interlocked.Read(ref lastId), Interlocked.Read(ref nextUserId),
                [.. Apps], [.. Users.Values], [.. Tokens.Values], [.. DirectMessages], [.. Tweets.Values]));
        }
    }

    /// <summary>Replaces the seed with a world kept from an earlier run; only before the host serves anything.</summary>
    public void Restore(WorldSnapshot snapshot)
    {
        lock (Gate)
        {
            Apps.Clear();
            Apps.AddRange(snapshot.Apps);
            Users.Clear();
            Tokens.Clear();
            Tweets.Clear();
            DirectMessages.Clear();
            foreach (var user in snapshot.Users)
            {
                Users[user.Id] = user;
            }

            foreach (var token in snapshot.Tokens)
            {
                Tokens[token.Token] = token;
            }

            foreach (var tweet in snapshot.Tweets)
            {
                Tweets[tweet.Id] = tweet;
            }

            DirectMessages.AddRange(snapshot.DirectMessages);
            Interlocked.Exchange(ref lastId, snapshot.LastId);
            Interlocked.Exchange(ref nextUserId, snapshot.NextUserId);
        }
    }
}

/// <summary>The emulator's world as its file keeps it.</summary>
public sealed record WorldSnapshot(
    int Version,
    long LastId,
    long NextUserId,
    List<EmulatedApp> Apps,
    List<EmulatedUser> Users,
    List<EmulatedToken> Tokens,
    List<EmulatedDirectMessage> DirectMessages,
    List<EmulatedTweet> Tweets)
{
    public const int CurrentVersion = 1;
}
