using Microsoft.Extensions.DependencyInjection;

namespace TwitterAddon.Core.Operations;

/// <summary>What an operator watches: the work queues' state (for /metrics) and the readiness check built on it.</summary>
internal static class OperationsRegistration
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton<WorkQueueMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkQueueMonitor>());
        services.AddSingleton<WorkersReadiness>();
        return services;
    }
}
