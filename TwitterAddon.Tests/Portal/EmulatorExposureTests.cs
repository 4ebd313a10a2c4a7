using System.Net;
using Microsoft.AspNetCore.Http;
using TwitterAddon.Emulator.Control;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>The emulator is a pretend X: never on by accident in production, and its control API only for this machine.</summary>
public sealed class EmulatorExposureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutsideDevelopment_TheHostRefusesToStart_WithTheEmulatorOn()
    {
        await using var portal = new PortalFactory(emulatorEnabled: true) { Environment = "Production" };

        Assert.ThrowsAny<Exception>(() => portal.CreateClient());
    }

    [Fact]
    public async Task OutsideDevelopment_AnExplicitSetting_LetsItRun()
    {
        await using var portal = new PortalFactory(emulatorEnabled: true) { Environment = "Production" };
        portal.Setting("Emulator:AllowOutsideDevelopment", "true");

        using var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/emulator/control/world", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("203.0.113.9", false)]
    [InlineData("10.0.0.5", false)]
    public async Task TheControlApi_AnswersOnlyThisMachine(string remote, bool answered)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        var context = EndpointFilterInvocationContext.Create(http);

        var result = await new LoopbackOnlyFilter().InvokeAsync(context, _ => ValueTask.FromResult<object?>("answered"));

        Assert.Equal(answered, "answered".Equals(result));
    }

    [Fact]
    public async Task TheSandboxPage_NeedsSignIn()
    {
        await using var portal = new PortalFactory();
        using var visitor = new PortalVisitor(portal);

        var response = await visitor.Client.GetAsync("/sandbox", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }
}
