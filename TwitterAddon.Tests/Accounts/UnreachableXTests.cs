using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Accounts;

/// <summary>When X cannot be reached, or the stored keys cannot be decrypted, people get a sentence, not a crash.</summary>
public sealed class UnreachableXTests : IAsyncLifetime
{
    private CoreHost host = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        host = await CoreHost.StartAsync(settings: new() { ["Twitter:ApiBaseUrl"] = "http://127.0.0.1:1/x/" });

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Save_WhenXCannotBeReached_SaysSo_AndSavesNothing()
    {
        var outcome = await Scope().GetRequiredService<AccountConnector>()
            .ConnectAsync(AccountConnectorTests.SandboxForm(), "ada", false, null, Ct);

        Assert.Equal(ConnectStep.VerifyCredentials, outcome.FailedStep);
        Assert.Contains("X could not be reached", outcome.Message);
        Assert.Null(await Scope().GetRequiredService<AccountService>().GetAsync(Ct));
    }

    [Fact]
    public async Task UndecryptableKeys_DoNotBreakTheStatusCheck_AndDisconnectStillWorks()
    {
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            db.XAccounts.Add(new XAccount
            {
                WebhookKey = "k", ConsumerKey = "c", ProtectedConsumerSecret = "not-protected", ProtectedAccessToken = "x",
                ProtectedAccessTokenSecret = "x", EnvLabel = "sandbox", UserId = "1", ScreenName = "acme", Name = "Acme",
                WebhookUrl = "http://x/", WebhookId = "9",
            });
            await db.SaveChangesAsync(Ct);
        }

        var accounts = Scope().GetRequiredService<AccountService>();
        await Scope().GetRequiredService<AccountHealth>().CheckAsync(afterDowntime: true, Ct);
        var revalidate = await accounts.RevalidateWebhookAsync("ada", Ct);
        var disconnect = await accounts.DisconnectAsync("ada", Ct);

        Assert.Contains("cannot be decrypted", revalidate.Error);
        Assert.Contains("cannot be decrypted", disconnect.Error);
        Assert.Null(await accounts.GetAsync(Ct));
    }

    private IServiceProvider Scope() => host.CreateScope().ServiceProvider;
}
