using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Team;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Layout;
using TwitterAddon.Emulator;

namespace TwitterAddon.Tests.Layout;

public sealed class NavMenuTests : MudTestContext
{
    [Theory]
    [InlineData(TeamRoles.Admin, true, new[] { "Home", "Setup", "Channels", "Inbox", "Sandbox", "Team" })]
    [InlineData(TeamRoles.Admin, false, new[] { "Home", "Setup", "Channels", "Inbox", "Team" })]
    [InlineData(TeamRoles.Agent, true, new[] { "Home", "Inbox", "Sandbox" })]
    [InlineData(TeamRoles.Agent, false, new[] { "Home", "Inbox" })]
    public void ShowsWhatTheRoleMayOpen_AndSandboxOnlyWithTheEmulator(string role, bool emulator, string[] expected)
    {
        Services.AddSingleton(Options.Create(new EmulatorOptions { Enabled = emulator }));
        var auth = AddAuthorization();
        auth.SetAuthorized("someone@example.com");
        auth.SetRoles(role);

        var menu = Render<NavMenu>();

        Assert.Equal(expected, menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()));
    }
}
