using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TwitterAddon.LoadTest;

/// <summary>
/// The yardstick: Kestrel and a route that reads the body and answers 200, nothing else (no signature, no
/// disk). Not part of the product; started by the load run so both runs meet the same client.
/// </summary>
internal static class BareEndpoint
{
    public static async Task<WebApplication> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/webhooks/twitter/{key}", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            return Results.Text("ok");
        });
        app.MapGet("/webhooks/twitter/{key}", () => Results.Text("{\"response_token\":\"sha256=x\"}", "application/json"));
        await app.StartAsync();
        return app;
    }
}
