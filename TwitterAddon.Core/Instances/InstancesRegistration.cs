using Microsoft.Extensions.DependencyInjection;

namespace TwitterAddon.Core.Instances;

/// <summary>What lets several instances share one PostgreSQL database: the relay of their changes.</summary>
internal static class InstancesRegistration
{
    public static IServiceCollection AddInstances(this IServiceCollection services)
    {
        services.AddSingleton<InstanceRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<InstanceRelay>());
        return services;
    }
}
