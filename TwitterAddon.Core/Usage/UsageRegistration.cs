using Microsoft.Extensions.DependencyInjection;

namespace TwitterAddon.Core.Usage;

/// <summary>What X costs: counted by the inbound worker and the outbox (<see cref="UsageLedger"/>), read by <see cref="UsageReport"/>.</summary>
internal static class UsageRegistration
{
    public static IServiceCollection AddUsage(this IServiceCollection services)
    {
        services.AddSingleton<SendingBudget>();
        services.AddSingleton<UsageReport>();
        services.AddScoped<UsageService>();
        services.AddSingleton<UsageRetention>();
        services.AddHostedService<UsageRetentionWorker>();
        return services;
    }
}
