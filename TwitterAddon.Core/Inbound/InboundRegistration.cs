using Microsoft.Extensions.DependencyInjection;

namespace TwitterAddon.Core.Inbound;

/// <summary>The worker side of the inbound path: stored deliveries become conversations.</summary>
internal static class InboundRegistration
{
    public static IServiceCollection AddInbound(this IServiceCollection services)
    {
        services.AddSingleton<InboundWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundWorker>());
        services.AddScoped<InboundReport>();
        services.AddSingleton<ContactProfileSignal>();
        services.AddSingleton<ContactProfileWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ContactProfileWorker>());
        return services;
    }
}
