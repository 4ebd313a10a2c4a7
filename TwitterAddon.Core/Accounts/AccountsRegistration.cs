using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Accounts.Connections;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Accounts;

internal static class AccountsRegistration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        // Keys beside the database: sign-in cookies and the stored X secrets survive restarts and moves together.
        services.AddDataProtection().SetApplicationName("TwitterAddon");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, DataProtectionKeyFolder>();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<ConsumerSecretsLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsumerSecretsLoader>());
        services.AddHostedService<WebhookHealthMonitor>();
        services.AddScoped<AccountActivityConnection>();
        services.AddScoped<ActivityApiConnection>();
        services.AddScoped<XConnections>();
        services.AddScoped<AccountConnector>();
        services.AddScoped<AccountMove>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountHealth>();
        services.AddScoped<WebhookRecovery>();
        return services;
    }
}
