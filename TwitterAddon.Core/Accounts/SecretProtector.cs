using Microsoft.AspNetCore.DataProtection;
using TwitterAddon.Core.Twitter.OAuth;

namespace TwitterAddon.Core.Accounts;

/// <summary>Encrypts the X secrets at rest with ASP.NET Core Data Protection (keys beside the database).</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("TwitterAddon.XAccount.Secrets.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);

    /// <summary>The account's decrypted keys, or null when the Data Protection keys that encrypted them are gone.</summary>
    public OAuthCredentials? CredentialsOf(XAccount account)
    {
        try
        {
            return new(
                account.ConsumerKey, Unprotect(account.ProtectedConsumerSecret),
                Unprotect(account.ProtectedAccessToken), Unprotect(account.ProtectedAccessTokenSecret));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
