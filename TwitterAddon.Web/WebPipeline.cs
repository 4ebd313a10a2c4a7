using TwitterAddon.Core.Operations;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Emulator;
using TwitterAddon.Web.Components;
using TwitterAddon.Web.Endpoints;

namespace TwitterAddon.Web;

/// <summary>Start-up steps and the request pipeline, in the order they run.</summary>
public static partial class WebPipeline
{
    /// <summary>
    /// Checks the emulator may run here and migrates the database; on failure logs why (naming the file) and tells
    /// the caller to exit.
    /// </summary>
    public static async Task<bool> PrepareToStartAsync(this WebApplication app)
    {
        if (WebServiceRegistration.EmulatorEnabled(app.Configuration))
        {
            var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmulatorOptions>>().Value;
            var (allowed, warning) = EmulatorRegistration.CheckEnvironment(options, app.Environment.IsDevelopment());
            if (!allowed)
            {
                LogCannotStart(app.Logger, warning!);
                return false;
            }

            if (warning is not null)
            {
                LogEmulatorOutsideDevelopment(app.Logger, warning);
            }
        }

        var hosts = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>>().Value.AllowedHosts;
        LogAllowedHosts(app.Logger, hosts.Count == 0 ? "*" : string.Join(", ", hosts));

        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
            return true;
        }
        catch (DatabaseStartupException e)
        {
            LogCannotStart(app.Logger, e.Message);
            return false;
        }
    }

    public static WebApplication UseTwitterAddonWeb(this WebApplication app)
    {
        // First: the rest of the pipeline sees the scheme and client address the proxy saw.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // Liveness: the process answers and its database does. Readiness adds whether the workers keep up (WorkersReadiness).
        app.MapHealthChecks("/healthz", new() { Predicate = check => !check.Tags.Contains(WorkersReadiness.Tag) }).AllowAnonymous();
        app.MapHealthChecks("/readyz").AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapSignInEndpoints();
        app.MapChannelIconEndpoints();
        app.MapTwitterWebhookEndpoints();
        if (WebServiceRegistration.EmulatorEnabled(app.Configuration))
        {
            app.MapXEmulator("/emulator");
        }

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "TwitterAddon cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answering requests for host names: {Hosts} (AllowedHosts; others get 400)")]
    private static partial void LogAllowedHosts(ILogger logger, string hosts);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Warning}")]
    private static partial void LogEmulatorOutsideDevelopment(ILogger logger, string warning);
}
