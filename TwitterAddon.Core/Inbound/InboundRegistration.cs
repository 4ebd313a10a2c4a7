using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;

namespace TwitterAddon.Core.Inbound;

/// <summary>The inbound pipeline and the inbox with its outbox.</summary>
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
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        services.AddScoped<InboxService>();
        services.AddScoped<ReplyService>();
        return services;
    }
}
