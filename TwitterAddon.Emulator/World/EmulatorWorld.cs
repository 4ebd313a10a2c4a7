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
}
