using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Emulator.Api;
using TwitterAddon.Emulator.Api.V2;
using TwitterAddon.Emulator.Control;
using TwitterAddon.Emulator.Webhooks;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator;

/// <summary>The emulator's one DI entry point and its endpoints, mountable in any ASP.NET Core host.</summary>
public static class EmulatorRegistration
{
    public static IServiceCollection AddXEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmulatorOptions>().Bind(configuration.GetSection(EmulatorOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => EmulatorWorldFile.Load(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<EmulatorOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<EmulatorWorldFile>()));
        services.AddHostedService<EmulatorWorldFile>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<RateLimitBook>();
        services.AddSingleton<WebhookDeliveries>();
        services.AddSingleton<ActivityDeliveries>();
        services.AddSingleton<XActivity>();
        services.AddSingleton<Sandbox>();
        services.AddSingleton<CrcChallenger>();
        services.AddSingleton<WebhookRevalidation>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookRevalidation>());
        services.AddHostedService<WebhookDeliveryWorker>();
        // The endpoint filters are made per request by ActivatorUtilities; the nonce memory outlives them.
        services.AddSingleton<NonceLedger>();
        services.AddValidatorsFromAssemblyContaining<CreateUserRequestValidator>(ServiceLifetime.Singleton);
        // Webhooks are the add-on's own endpoints; X's deadline is enforced per call, not by HttpClient.Timeout.
        // Its requests are logged without the key at the end of the webhook's address (RedactedWebhookLogger).
        services.AddSingleton<RedactedWebhookLogger>();
        services.AddHttpClient(CrcChallenger.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers().AddLogger<RedactedWebhookLogger>();
        return services;
    }

    /// <summary>
    /// Whether this host may play X: always in Development; elsewhere only with <c>Emulator:AllowOutsideDevelopment</c>,
    /// because the emulator accepts any keys and its control API injects events. The reason is the caller's to log.
    /// </summary>
    public static (bool Allowed, string? Warning) CheckEnvironment(EmulatorOptions options, bool isDevelopment) =>
        isDevelopment ? (true, null)
        : options.AllowOutsideDevelopment
            ? (true, "The X emulator is ON outside Development (Emulator:AllowOutsideDevelopment=true): the portal talks to a pretend X, "
                + "not to X. Its control API answers this machine only. Never run a real brand's account this way.")
            : (false, "Emulator:Enabled is true outside Development. The emulator is a pretend X for trying the product and for tests; "
                + "switch it off, or set Emulator:AllowOutsideDevelopment=true to run it anyway.");

    /// <summary>
    /// X's API under <c>{prefix}/x</c> (so <c>Twitter:ApiBaseUrl</c> = <c>.../emulator/x/</c>) and the control API
    /// under <c>{prefix}/control</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapXEmulator(this IEndpointRouteBuilder endpoints, string prefix = "/emulator")
    {
        var x = endpoints.MapGroup(prefix + "/x").AddEndpointFilter<FaultFilter>().AllowAnonymous();
        x.MapAuthEndpoints();
        x.MapWebhookEndpoints();
        x.MapSubscriptionEndpoints();
        x.MapSendingEndpoints();
        x.MapV2UserEndpoints();
        x.MapV2WebhookEndpoints();
        x.MapActivityEndpoints();
        x.MapV2SendingEndpoints();
        x.Map("/{**path}", (HttpContext http) => V2Paths.Is(http)
            ? V2Results.Problem(404, "Not Found Error", "The requested resource was not found.", V2Results.Problems + "resource-not-found")
            : XResults.Error(XFailure.NotFound()));

        endpoints.MapGroup(prefix + "/control").AllowAnonymous().AddEndpointFilter<LoopbackOnlyFilter>().MapControlEndpoints();
        return endpoints;
    }
}
