using Microsoft.AspNetCore.Http;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Api;

/// <summary>Who signed the request: always an app; for user-context calls also the token and its user.</summary>
public sealed record XCaller(EmulatedApp App, EmulatedToken? Token, EmulatedUser? User)
{
    private const string ItemKey = "emulator.caller";

    /// <summary>The rate-limit bucket: per user token for user context, per app for bearer calls.</summary>
    public string RateLimitKey => Token?.Token ?? "app:" + App.Id;

    public static XCaller Of(HttpContext context) => (XCaller)context.Items[ItemKey]!;

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
