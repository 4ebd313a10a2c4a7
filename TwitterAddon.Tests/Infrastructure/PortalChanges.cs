using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Channels;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>Changes a test makes behind a page's back: an admin's channel edit, X losing what it had.</summary>
public static class PortalChanges
{
    /// <summary>An admin connected the demo account on <paramref name="tier"/> and added both channels, the mention one with deep link and initials.</summary>
    public static async Task ConnectWithBothChannelsAsync(this IServiceProvider services, Core.Accounts.AccountTier tier)
    {
        using var scope = services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<Core.Accounts.AccountConnector>()
            .ConnectAsync(Accounts.AccountConnectorTests.SandboxForm(tier), "ada", false, null, TestContext.Current.CancellationToken)).Succeeded);
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        Assert.True((await channels.AddAsync(ChannelKind.DirectMessage, new() { Name = "Acme DMs" }, "ada", TestContext.Current.CancellationToken)).Succeeded);
        Assert.True((await channels.AddAsync(
            ChannelKind.Mention, new() { Name = "Acme mentions", DmDeepLink = true, AgentInitial = true }, "ada", TestContext.Current.CancellationToken)).Succeeded);
    }

    /// <summary>An admin edits the Twitter Mention channel's toggles.</summary>
    public static async Task SetMentionTogglesAsync(this IServiceProvider services, bool dmDeepLink, bool agentInitial)
    {
        using var scope = services.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var mention = (await channels.ListAsync(TestContext.Current.CancellationToken)).Single(c => c.Kind == ChannelKind.Mention);
        Assert.True((await channels.UpdateAsync(
            mention.Id, new() { Name = mention.Name, DmDeepLink = dmDeepLink, AgentInitial = agentInitial }, "ada", TestContext.Current.CancellationToken)).Succeeded);
    }

    /// <summary>What X does when the webhook is deleted in its console (<paramref name="webhooks"/>), or when it loses the subscriptions.</summary>
    public static void ForgetAtX(this EmulatorWorld world, bool webhooks)
    {
        lock (world.Gate)
        {
            var app = world.Apps.Single(a => a.ConsumerKey == SandboxSeed.ConsumerKey);
            app.ActivitySubscriptions.Clear();
            foreach (var environment in app.Environments)
            {
                environment.SubscribedUserIds.Clear();
                if (webhooks)
                {
                    environment.Webhooks.Clear();
                }
            }

            if (webhooks)
            {
                app.V2Webhooks.Clear();
            }
        }
    }
}
