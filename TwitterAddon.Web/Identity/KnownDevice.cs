using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace TwitterAddon.Web.Identity;

/// <summary>
/// A browser a member signed in on keeps a long-lived, protected cookie naming them (a "device cookie"): failed
/// sign-ins from elsewhere never hold such a browser back (<see cref="Core.Team.SignInAttempts"/>).
/// </summary>
public sealed class KnownDevice(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "TwitterAddon.Device";

    private readonly IDataProtector protector = protection.CreateProtector("TwitterAddon.KnownDevice.v1");

    public string? MemberIdOf(HttpContext http)
    {
        try
        {
            return http.Request.Cookies[CookieName] is { Length: > 0 } value ? protector.Unprotect(value) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Remember(HttpContext http, string memberId) =>
        http.Response.Cookies.Append(CookieName, protector.Protect(memberId), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            Path = "/account",
            Expires = clock.GetUtcNow().AddDays(180),
        });
}
