namespace TwitterAddon.Emulator.World;

/// <summary>The demo world every emulator starts with; README and the Sandbox page show the same values.</summary>
public static class SandboxSeed
{
    public const string ConsumerKey = "sandbox-consumer-key";
    public const string ConsumerSecret = "sandbox-consumer-secret";
    public const string AccessToken = "1000000001-sandboxaccesstoken";
    public const string AccessTokenSecret = "sandbox-access-token-secret";
    public const string SandboxEnvironment = "sandbox";
    public const string PremiumEnvironment = "premium";

    /// <summary>v2 has no environments: any label tags the subscriptions; this is the one the demo suggests.</summary>
    public const string ApiV2Label = "demo";

    /// <summary>The Env Label the demo app takes on a tier: its v1.1 environment, or the suggested v2 label.</summary>
    public static string EnvLabelFor(TwitterAddon.Core.Accounts.AccountTier tier) => tier switch
    {
        TwitterAddon.Core.Accounts.AccountTier.Sandbox => SandboxEnvironment,
        TwitterAddon.Core.Accounts.AccountTier.Premium => PremiumEnvironment,
        _ => ApiV2Label,
    };
    public const string AppId = "24000001";

    public const string AccountId = "1000000001";
    public const string AccountScreenName = "AcmeSupport";

    public static void Apply(EmulatorWorld world, DateTimeOffset now)
    {
        var app = new EmulatedApp
        {
            Id = AppId, Name = "Acme Support Desk", ConsumerKey = ConsumerKey, ConsumerSecret = ConsumerSecret,
            BearerToken = "AAAAAAAAAAAAAAAAAAAAASandboxBearerToken0000000001",
        };
        app.Environments.Add(new EmulatedEnvironment { Label = SandboxEnvironment, Tier = AccountActivityTier.Sandbox });
        app.Environments.Add(new EmulatedEnvironment { Label = PremiumEnvironment, Tier = AccountActivityTier.Premium });
        world.Apps.Add(app);

        world.AddUser(new EmulatedUser { Id = AccountId, ScreenName = AccountScreenName, Name = "Acme Support", CreatedAt = now });
        world.AddUser(new EmulatedUser { Id = "1000000002", ScreenName = "jane_doe", Name = "Jane Doe", CreatedAt = now });
        world.AddUser(new EmulatedUser { Id = "1000000003", ScreenName = "budi_santoso", Name = "Budi Santoso", CreatedAt = now });
        world.AddUser(new EmulatedUser { Id = "1000000004", ScreenName = "yuki_tanaka", Name = "Yuki Tanaka", CreatedAt = now });
        world.Tokens[AccessToken] = new EmulatedToken { Token = AccessToken, Secret = AccessTokenSecret, UserId = AccountId, AppId = AppId };
    }
}
