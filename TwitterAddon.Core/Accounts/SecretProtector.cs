using Microsoft.AspNetCore.DataProtection;

namespace TwitterAddon.Core.Accounts;

/// <summary>Encrypts the X secrets at rest with ASP.NET Core Data Protection (keys beside the database).</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("TwitterAddon.XAccount.Secrets.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
