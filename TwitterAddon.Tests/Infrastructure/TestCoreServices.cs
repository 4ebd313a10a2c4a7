using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>Registers Core as the web host does, on a given database.</summary>
public static class TestCoreServices
{
    public static IServiceCollection AddCoreForTests(
        this IServiceCollection services, IReadOnlyDictionary<string, string?> database, string contentRoot, Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(settings ?? []);
        foreach (var (key, value) in database)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment { ContentRootPath = contentRoot });
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        return services.AddTwitterAddonCore();
    }

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "TwitterAddon.Tests";

        public required string ContentRootPath { get; set; }

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
