namespace TwitterAddon.Emulator.World;

/// <summary>
/// A developer app: its consumer key pair, its app-only token, its v1.1 Account Activity environments, and on
/// X API v2 its webhooks and X Activity subscriptions.
/// </summary>
public sealed class EmulatedApp
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string ConsumerKey { get; init; }

    public required string ConsumerSecret { get; init; }

    public required string BearerToken { get; init; }

    public List<EmulatedEnvironment> Environments { get; } = [];

    /// <summary>What the developer account bought for the app; the control API changes it, as buying a contract would.</summary>
    public V2Access Access { get; set; } = V2Access.PayPerUse;

    /// <summary>v2 webhooks (<c>/2/webhooks</c>); on Pay-per-use there is room for one.</summary>
    public List<EmulatedWebhook> V2Webhooks { get; } = [];

    public List<EmulatedSubscription> ActivitySubscriptions { get; } = [];
}
