using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Where the Data Protection keys (sign-in cookies, the stored X secrets) are kept. On SQLite, in
/// <c>DataProtection:KeysFolder</c>, by default a <c>keys</c> folder beside the database: whoever backs up or moves the
/// database takes the keys that unlock it along; the folder and the key files are owner-only. On PostgreSQL, in the
/// database's DataProtectionKeys table unless a folder is set: every instance then reads one key ring, so a cookie
/// or a secret protected by one is read by all. Either way the keys can be encrypted with a certificate
/// (<c>DataProtection:Certificate</c>, Web).
/// </summary>
internal sealed partial class DataProtectionKeyFolder(
    DatabaseLocation database, IConfiguration configuration, IHostEnvironment environment, IServiceProvider services, ILoggerFactory loggers)
    : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        if (database.KeysFolder(configuration, environment.ContentRootPath) is not { } folder)
        {
            options.XmlRepository = new EntityFrameworkCoreXmlRepository<TwitterAddonDbContext>(services, loggers);
            return;
        }

        if (!OwnerOnlyFiles.PrepareFolder(folder, tightenExisting: true))
        {
            LogNotTightened(loggers.CreateLogger<DataProtectionKeyFolder>(), folder);
        }

        options.XmlRepository = new OwnerOnlyXmlRepository(new DirectoryInfo(folder), loggers);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} could not be made readable by this account only; check who owns it: it holds the keys to the install's secrets")]
    private static partial void LogNotTightened(ILogger logger, string path);

    /// <summary>Each key file is made owner-only as soon as it is written (and those written before, at start).</summary>
    private sealed class OwnerOnlyXmlRepository : FileSystemXmlRepository
    {
        public OwnerOnlyXmlRepository(DirectoryInfo directory, ILoggerFactory loggers)
            : base(directory, loggers) => Tighten();

        public override void StoreElement(System.Xml.Linq.XElement element, string friendlyName)
        {
            base.StoreElement(element, friendlyName);
            Tighten();
        }

        private void Tighten()
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory.FullName, "*.xml"))
            {
                OwnerOnlyFiles.PrepareFile(file);
            }
        }
    }
}
