using Microsoft.Extensions.DependencyInjection;

namespace TwitterAddon.Core.Webhooks;

/// <summary>X's way in: the webhook and intermediary receivers, the CRC, and the writer that stores deliveries.</summary>
internal static class WebhooksRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookAddress>();
        services.AddSingleton<ConsumerSecrets>();
        services.AddSingleton<CrcLog>();
        services.AddSingleton<InboundSignal>();
        services.AddSingleton<InboundEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundEventWriter>());
        services.AddSingleton<WebhookReceiver>();
        services.AddScoped<IntermediaryReceiver>();
        return services;
    }
}
