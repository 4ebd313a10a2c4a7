using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// The real web host on its own SQLite file. <see cref="StartOnLoopback"/> serves it through Kestrel on a
/// free 127.0.0.1 port, for the browser; otherwise it runs in memory for HttpClient tests.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database = new();
    private readonly Dictionary<string, string?> settings = new();

    public PortalFactory(bool emulatorEnabled = true)
    {
        settings[$"ConnectionStrings:{DatabaseLocation.ConnectionStringName}"] = database.ConnectionString;
        settings["Emulator:Enabled"] = emulatorEnabled ? "true" : "false";
    }

    public string DatabaseFile => database.FilePath;

    /// <summary>Starts Kestrel on loopback and returns the portal's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new Uri(address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Development");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}
