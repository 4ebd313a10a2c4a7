using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace TwitterAddon.Web;

/// <summary>
/// Optionally encrypts the Data Protection key ring (which unlocks the stored X keys and signs the sign-in cookies)
/// with a certificate: <c>DataProtection:Certificate:Path</c> to a PFX file and <c>DataProtection:Certificate:Password</c>.
/// A backup of the data folder then exposes nothing without the certificate, kept elsewhere.
/// </summary>
public static class KeyRingCertificate
{
    public const string Section = "DataProtection:Certificate";

    public static IServiceCollection AddKeyRingCertificate(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[$"{Section}:Path"] is not { Length: > 0 } path)
        {
            return services;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(
            Path.GetFullPath(path, environment.ContentRootPath), configuration[$"{Section}:Password"], X509KeyStorageFlags.EphemeralKeySet);
        services.AddDataProtection().ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return services;
    }
}
