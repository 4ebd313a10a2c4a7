using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;

namespace TwitterAddon.Core.Inbound;

internal static class InboundRegistration
{
    public static IServiceCollection AddInbound(this IServiceCollection services)
    {
        services.AddSingleton<InboundSignal>();
        services.AddSingleton<InboundEventWriter>();
        services.AddSingleton<InboundWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundWorker>());
        services.AddSingleton<InboxNotifier>();
        services.AddScoped<InboundReport>();
        return services;
    }
}
