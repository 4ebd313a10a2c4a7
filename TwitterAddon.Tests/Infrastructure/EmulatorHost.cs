using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Emulator;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// The emulator hosted alone on a free loopback port, with a <see cref="WebhookReceiver"/> at /hook, and the
/// add-on's real X client (Core) pointed at it: the client and X talk over real HTTP.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    public static readonly OAuthCredentials SandboxCredentials = new(
        SandboxSeed.ConsumerKey, SandboxSeed.ConsumerSecret, SandboxSeed.AccessToken, SandboxSeed.AccessTokenSecret);

    private readonly WebApplication app;
    private CoreHost? core;

    private EmulatorHost(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = default!;

    public string HookUrl => BaseAddress + "hook";

    public WebhookReceiver Receiver { get; } = new(SandboxSeed.ConsumerSecret);

    public EmulatorWorld World => app.Services.GetRequiredService<EmulatorWorld>();

    public HttpClient Control { get; private set; } = default!;

    /// <summary>The control API as tests speak it (customers, faults, what was sent).</summary>
    public EmulatorControl ControlApi => new(Control);

    public HttpClient Raw { get; private set; } = default!;

    /// <summary>The add-on's X client, configured with <c>Twitter:ApiBaseUrl</c> = this emulator.</summary>
    public IXApi Client => core!.CreateScope().ServiceProvider.GetRequiredService<IXApi>();

    /// <summary>The add-on's X API v2 client, on the same pipeline.</summary>
    public IXApiV2 ClientV2 => core!.CreateScope().ServiceProvider.GetRequiredService<IXApiV2>();

    /// <param name="clock">X's clock; a test that fakes time gives the add-on's and X's the same one.</param>
    /// <param name="withClient">False when the caller brings its own Core: no second database is made for <see cref="Client"/>.</param>
    public static async Task<EmulatorHost> StartAsync(
        Action<EmulatorOptions>? configure = null, TimeSpan? maxRateLimitWait = null, TimeProvider? clock = null, bool withClient = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddXEmulator(builder.Configuration);
        builder.Services.Configure<EmulatorOptions>(o =>
        {
            o.Enabled = true;
            o.WebhookDeadline = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });
        var host = new EmulatorHost(builder.Build());
        host.app.MapXEmulator();
        host.Receiver.Map(host.app, "/hook");
        await host.app.StartAsync();
        var address = host.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.BaseAddress = new Uri(address + "/");
        host.Control = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "emulator/control/") };
        host.Raw = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "emulator/x/") };
        if (withClient)
        {
            host.core = await CoreHost.StartAsync(settings: new()
            {
                ["Twitter:ApiBaseUrl"] = new Uri(host.BaseAddress, "emulator/x/").ToString(),
                ["Twitter:MaxRateLimitWait"] = (maxRateLimitWait ?? TimeSpan.FromSeconds(10)).ToString(),
            });
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Control?.Dispose();
        Raw?.Dispose();
        if (core is not null)
        {
            await core.DisposeAsync();
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }
}
