using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Keeps the Data Protection keys in <c>DataProtection:KeysFolder</c>, by default a <c>keys</c> folder
/// beside the database: whoever backs up or moves the database takes the keys that unlock it along.
/// </summary>
internal sealed class DataProtectionKeyFolder(
    DatabaseLocation database, IConfiguration configuration, IHostEnvironment environment, ILoggerFactory loggers)
    : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        var configured = configuration["DataProtection:KeysFolder"];
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(database.FilePath)!, "keys")
            : Path.GetFullPath(configured, environment.ContentRootPath);
        options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggers);
    }
}
