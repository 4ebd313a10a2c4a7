using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Channels;

public class ChannelServiceTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly byte[] Png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "channel-icon.png"));
    private CoreHost host = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await CoreHost.StartAsync(provider: Provider);
        await host.Services.AddBareAccountAsync();
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task AddBothChannels_TheyAreListedWithTheirSettings()
    {
        Assert.True((await Service().AddAsync(ChannelKind.DirectMessage, new() { Name = "X DMs", Icon = Png }, "ada", Ct)).Succeeded);
        Assert.True((await Service().AddAsync(ChannelKind.Mention, new() { Name = "X Mentions", DmDeepLink = true, AgentInitial = true }, "ada", Ct)).Succeeded);

        var channels = await Service().ListAsync(Ct);

        Assert.Equal([ChannelKind.DirectMessage, ChannelKind.Mention], channels.Select(c => c.Kind));
        Assert.StartsWith(ChannelIcon.PathPrefix, channels[0].IconUrl);
        Assert.Null(channels[1].IconUrl);
        Assert.True(channels[1].DmDeepLink && channels[1].AgentInitial && channels.All(c => c.IsActive));
    }

    [Fact]
    public async Task ASecondChannelOfTheSameKind_IsRefused_AndExplained()
    {
        await Service().AddAsync(ChannelKind.DirectMessage, new() { Name = "X DMs" }, "ada", Ct);

        var second = await Service().AddAsync(ChannelKind.DirectMessage, new() { Name = "More DMs" }, "ada", Ct);

        Assert.False(second.Succeeded);
        Assert.Contains("already has its Direct Message channel", second.Error);
        Assert.Single(await Service().ListAsync(Ct));
    }

    [Theory]
    [InlineData("", null, "Give the channel a name.")]
    [InlineData("   ", null, "Give the channel a name.")]
    [InlineData("012345678901234567890123456789012345678901234567890", null, "Use at most 50 characters.")]
    [InlineData("Fine name", "GIF89a", "The icon must be a PNG, JPEG, SVG or WebP image.")]
    public async Task BadInput_IsRefusedWithItsMessage_AndSavesNothing(string name, string? icon, string message)
    {
        var outcome = await Service().AddAsync(ChannelKind.Mention,
            new() { Name = name, Icon = icon is null ? null : System.Text.Encoding.ASCII.GetBytes(icon) }, "ada", Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains(message, outcome.Error);
        Assert.Empty(await Service().ListAsync(Ct));
    }

    [Fact]
    public async Task AnIconOverOneMegabyte_IsRefused()
    {
        var big = new byte[ChannelIcon.MaxBytes + 1];
        Png.CopyTo(big, 0);

        var outcome = await Service().AddAsync(ChannelKind.Mention, new() { Name = "Mentions", Icon = big }, "ada", Ct);

        Assert.Contains("over 1 MB", outcome.Error);
    }

    [Fact]
    public async Task NamesAreUniquePerAccount()
    {
        await Service().AddAsync(ChannelKind.DirectMessage, new() { Name = "Acme" }, "ada", Ct);

        var outcome = await Service().AddAsync(ChannelKind.Mention, new() { Name = " Acme " }, "ada", Ct);

        Assert.Contains("has that name", outcome.Error);
    }

    [Fact]
    public async Task TwitterApiInbound_GivesAKeyOnce_StoresOnlyItsHash_AndRotates()
    {
        var added = await Service().AddAsync(ChannelKind.DirectMessage, new() { Name = "DMs", InboundType = InboundEventType.TwitterApi }, "ada", Ct);
        var channel = Assert.Single(await Service().ListAsync(Ct));

        Assert.StartsWith("ta_", added.NewApiKey);
        var stored = await StoredAsync(channel.Id);
        Assert.True(ChannelApiKey.Matches(added.NewApiKey!, stored.ApiKeyHash!));
        Assert.DoesNotContain(added.NewApiKey!, stored.ApiKeyHash);

        var rotated = await Service().RotateApiKeyAsync(channel.Id, "ada", Ct);
        Assert.NotEqual(added.NewApiKey, rotated.NewApiKey);
        Assert.False(ChannelApiKey.Matches(added.NewApiKey!, (await StoredAsync(channel.Id)).ApiKeyHash!));

        await Service().UpdateAsync(channel.Id, new() { Name = "DMs", InboundType = InboundEventType.TwitterWebhook }, "ada", Ct);
        Assert.Null((await StoredAsync(channel.Id)).ApiKeyHash);
    }

    [Fact]
    public async Task Deactivate_Reactivate_Edit_Delete()
    {
        await Service().AddAsync(ChannelKind.Mention, new() { Name = "Mentions" }, "ada", Ct);
        var id = Assert.Single(await Service().ListAsync(Ct)).Id;

        await Service().SetActiveAsync(id, false, "ada", Ct);
        Assert.False(Assert.Single(await Service().ListAsync(Ct)).IsActive);
        await Service().SetActiveAsync(id, true, "ada", Ct);
        await Service().UpdateAsync(id, new() { Name = "Public replies", AgentInitial = true }, "ada", Ct);
        var edited = Assert.Single(await Service().ListAsync(Ct));
        Assert.Equal(("Public replies", true, true), (edited.Name, edited.AgentInitial, edited.IsActive));

        await Service().DeleteAsync(id, "ada", Ct);
        Assert.Empty(await Service().ListAsync(Ct));
    }

    [Fact]
    public void Routing_FollowsTheActiveToggle_AndCountsIgnoredEvents()
    {
        Assert.Equal("There is no Twitter Mention channel.", ChannelRoute.For(null, ChannelKind.Mention).IgnoredBecause);
        var channel = new Channel { Id = 7, AccountUserId = "1000000001", Kind = ChannelKind.Mention, Name = "Mentions" };
        Assert.True(ChannelRoute.For(channel, ChannelKind.Mention).Accepted);

        channel.IsActive = false;
        var ignored = ChannelRoute.For(channel, ChannelKind.Mention);
        ChannelRoute.For(channel, ChannelKind.Mention);

        Assert.Equal((false, 7, "The Twitter Mention channel is deactivated."), (ignored.Accepted, ignored.ChannelId, ignored.IgnoredBecause));
        Assert.Equal(2, channel.IgnoredEvents);
    }

    [Fact]
    public async Task WithoutAConnectedAccount_ChannelsCannotBeAdded()
    {
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.XAccounts.ExecuteDeleteAsync(Ct);
        }

        var outcome = await Service().AddAsync(ChannelKind.DirectMessage, new() { Name = "DMs" }, "ada", Ct);

        Assert.Contains("Connect the X account in Setup first", outcome.Error);
    }

    private ChannelService Service() => host.CreateScope().ServiceProvider.GetRequiredService<ChannelService>();

    private async Task<Channel> StoredAsync(int id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        return await db.Channels.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ChannelServiceTestsOnPostgreSql : ChannelServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
