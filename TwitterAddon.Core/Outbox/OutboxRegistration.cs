using Microsoft.Extensions.DependencyInjection;

namespace TwitterAddon.Core.Outbox;

/// <summary>Agents' replies: queued by <see cref="ReplyService"/>, posted by <see cref="OutboxWorker"/>.</summary>
internal static class OutboxRegistration
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddTransient<XSender>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        services.AddScoped<ReplyService>();
        services.AddScoped<OutboxControl>();
        return services;
    }
}
