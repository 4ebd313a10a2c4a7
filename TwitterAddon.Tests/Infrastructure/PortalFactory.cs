using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// The real web host on its own SQLite file. <see cref="StartOnLoopback"/> serves it through Kestrel on a
/// free 127.0.0.1 port, for the browser; otherwise it runs in memory for HttpClient tests.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly bool ownsDatabase;
    private readonly Dictionary<string, string?> settings = new();

    /// <param name="database">A database kept by the caller, to start a second host on it (a restart).</param>
    /// <param name="provider">The provider of the database made when none is given.</param>
    public PortalFactory(bool emulatorEnabled = true, TestDatabase? database = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        this.database = database ?? TestDatabase.For(provider);
        ownsDatabase = database is null;
        foreach (var (key, value) in this.database.Settings)
        {
            settings[key] = value;
        }

        settings["Emulator:Enabled"] = emulatorEnabled ? "true" : "false";
    }

    public string DatabaseFile => database.FilePath;

    /// <summary>More services for the host (a log capture, say), added after its own.</summary>
    public Action<IServiceCollection>? ExtraServices { get; set; }

    /// <summary>The host's environment; Production tests what a real install does.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Starts Kestrel on loopback and returns the portal's address, e.g. http://127.0.0.1:41234/.</summary>
    /// <summary>A setting for the host, applied when it starts.</summary>
    public void Setting(string key, string? value) => settings[key] = value;

    /// <param name="keepPublicBaseUrl">Keep an App:PublicBaseUrl set with <see cref="Setting"/> (to point X elsewhere).</param>
    /// <param name="port">A port of an earlier host on this database (a restart at the same address); a free one otherwise.</param>
    public Uri StartOnLoopback(bool keepPublicBaseUrl = false, int? port = null)
    {
        // The port is chosen first: the portal's X client must know it to reach the emulator in the same host.
        port ??= FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        settings["Twitter:ApiBaseUrl"] = new Uri(address, "emulator/x/").ToString();
        if (!keepPublicBaseUrl)
        {
            settings["App:PublicBaseUrl"] = address.ToString().TrimEnd('/');
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, port.Value));
        StartServer();
        return address;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment(Environment);
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromTestHeader>());
        if (ExtraServices is { } extra)
        {
            builder.ConfigureServices(extra);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            database.Dispose();
        }
    }

    /// <summary>
    /// The in-memory test server has no client address; a test names one with this header, as a network would give
    /// each visitor its own. (Only this test host reads it.)
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private sealed class ClientAddressFromTestHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[ClientAddressHeader], out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
