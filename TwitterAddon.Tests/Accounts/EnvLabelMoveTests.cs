using TwitterAddon.Core.Accounts;

namespace TwitterAddon.Tests.Accounts;

/// <summary>
/// Which tagged events are this install's while its Env Label moves: X re-tags the subscriptions before the move
/// is saved, and events tagged with the old label may still be queued after it.
/// </summary>
public sealed class EnvLabelMoveTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BeforeAnyMove_OnlyTheAccountsLabelIsTaken()
    {
        var account = Account();

        Assert.True(account.TakesEventsTagged("demo"));
        Assert.False(account.TakesEventsTagged("staging"));
    }

    [Fact]
    public void WhileAMoveRuns_TheNewLabelIsTakenToo()
    {
        var account = Account();

        account.BeginMoveTo("production");

        Assert.True(account.TakesEventsTagged("demo"));
        Assert.True(account.TakesEventsTagged("production"));
        Assert.False(account.TakesEventsTagged("staging"));
    }

    [Fact]
    public void AfterTheMove_TheOldLabelIsStillTaken_AndOnlyTheLastOne()
    {
        var account = Account();
        account.BeginMoveTo("production");
        account.MoveTo(AccountTier.PayPerUse, "production", "w1", Now);
        account.BeginMoveTo("eu");
        account.MoveTo(AccountTier.PayPerUse, "eu", "w1", Now);

        Assert.Null(account.MovingToEnvLabel);
        Assert.True(account.TakesEventsTagged("eu"));
        Assert.True(account.TakesEventsTagged("production"));
        Assert.False(account.TakesEventsTagged("demo"));
    }

    [Fact]
    public void MovingToTheSameLabel_ChangesNothing()
    {
        var account = Account();

        account.BeginMoveTo("demo");
        account.MoveTo(AccountTier.Enterprise, "demo", "w1", Now);

        Assert.Null(account.MovingToEnvLabel);
        Assert.Null(account.PreviousEnvLabel);
    }

    private static XAccount Account() => new()
    {
        WebhookKey = "k", ConsumerKey = "c", ProtectedConsumerSecret = "x", ProtectedAccessToken = "x", ProtectedAccessTokenSecret = "x",
        EnvLabel = "demo", Tier = AccountTier.PayPerUse, UserId = "1000000001", ScreenName = "AcmeSupport", Name = "Acme Support", WebhookUrl = "http://x/",
    };
}
