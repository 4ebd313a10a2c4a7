using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using OpenTelemetry.Metrics;
using TwitterAddon.Core.Operations;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Telemetry;
using TwitterAddon.Emulator;
using TwitterAddon.Web.Components;
using TwitterAddon.Web.Endpoints;

using TwitterAddon.Web.Identity;

namespace TwitterAddon.Web;

/// <summary>The one DI entry point and pipeline of the web host.</summary>
public static class WebServiceRegistration
{
    public static IServiceCollection AddTwitterAddonWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (EmulatorEnabled(configuration))
        {
            services.AddXEmulator(configuration);
            if (environment.IsDevelopment())
            {
                // `dotnet run` twice keeps the pretend X's webhook and subscriptions, as the real X would.
                services.AddOptions<EmulatorOptions>().PostConfigure<DatabaseLocation>((o, database) =>
                    o.WorldFile ??= Path.Combine(database.DataFolder, "emulator-world.json"));
            }
        }

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Toasts at the bottom left: clear of Sign out (top right) and of the reply box's Send (bottom right).
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingTeamMemberStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "TwitterAddon.Auth";
            // Secure whenever the request came over https (directly or through the proxy).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnValidatePrincipal = SessionCheck.ValidatePrincipalAsync;
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddReverseProxySupport(configuration, environment.IsDevelopment());
        // Claims (name, role) are refreshed from the database once a minute; the stamp itself is checked on every request (SessionCheck).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization();
        services.AddSingleton<KnownDevice>();
        services.AddPortalRateLimits();
        services.AddPortalSecurityHeaders();
        services.AddKeyRingCertificate(configuration, environment);


        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AddonMeter.Name, "Npgsql")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        services.AddHealthChecks()
            .AddCheck<WorkersReadiness>("workers", tags: [WorkersReadiness.Tag])
            .AddDbContextCheck<TwitterAddonDbContext>(
            "database",
            customTestQuery: async (db, cancellationToken) =>
            {
                // The migrations applied, read from their table: a deleted or foreign database has none, where "can connect" would pass.
                return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            });
        return services;
    }

    /// <summary>The emulator is part of this host only when switched on (Development does, by default).</summary>
    public static bool EmulatorEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{EmulatorOptions.Section}:{nameof(EmulatorOptions.Enabled)}");
}
