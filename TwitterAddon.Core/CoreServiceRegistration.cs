using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Instances;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Operations;
using TwitterAddon.Core.Outbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Team;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Usage;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core;

/// <summary>The one DI entry point of Core: persistence, identity stores and the feature services.</summary>
public static class CoreServiceRegistration
{
    public static IServiceCollection AddTwitterAddonCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Resolved from the final configuration, so hosts and tests that add settings late are honoured.
        services.AddSingleton(sp => DatabaseLocation.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<DatabaseWriteGate>();
        services.AddSingleton<WriteGateInterceptor>();
        // A factory because a Blazor Server circuit lives for minutes: one short context per operation.
        // It also registers the context as scoped, which Identity's stores use.
        services.AddDbContextFactory<TwitterAddonDbContext>(DatabaseContextOptions.Configure);
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<WorkerLeases>();
        // Before every worker: hosted services stop in reverse order, so the leases are given up after the work stopped.
        services.AddHostedService<LeaseKeeper>();

        services.AddIdentityCore<TeamMember>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TwitterAddonDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<TeamMemberClaimsPrincipalFactory>();
        services.AddScoped<IUserConfirmation<TeamMember>, ActiveTeamMemberConfirmation>();
        services.AddValidatorsFromAssemblyContaining<NewTeamMemberValidator>(ServiceLifetime.Scoped);
        services.AddSingleton<FirstRunGate>();
        services.AddScoped<TeamService>();
        services.AddSingleton<SignInAttempts>();
        services.AddScoped<SignInService>();

        services.AddSingleton<InboxNotifier>();
        services.AddSingleton<SharedReads>();
        services.AddSingleton<AccountActivityNotifier>();
        services.AddXApiClient();
        services.AddWebhooks();
        services.AddAccounts();
        services.AddScoped<ChannelService>();
        services.AddScoped<IIntermediaryKeys, ChannelApiKeys>();
        services.AddScoped<InboxService>();
        services.AddUsage();
        services.AddOutbox();
        services.AddInbound();
        services.AddInstances();
        services.AddOperations();
        return services;
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        // Same numbers as PasswordRule, so the form's message and the store's check agree.
        options.Password.RequiredLength = PasswordRule.MinimumLength;
        options.Password.RequiredUniqueChars = PasswordRule.MinimumDistinctCharacters;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.User.RequireUniqueEmail = true;
        // The user name is the e-mail, which the validator checks; Identity's character list would refuse valid addresses.
        options.User.AllowedUserNameCharacters = string.Empty;
        // "Confirmed" means active (ActiveTeamMemberConfirmation): a deactivated member cannot sign in.
        options.SignIn.RequireConfirmedAccount = true;
        // No Identity lockout: anyone could lock any member out with five wrong passwords. SignInAttempts limits
        // failures per account instead, and not from browsers the member signed in on.
        options.Lockout.AllowedForNewUsers = false;
    }
}
