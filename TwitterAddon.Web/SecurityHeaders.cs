namespace TwitterAddon.Web;

/// <summary>
/// The headers every answer carries (NetEscapades.AspNetCore.SecurityHeaders): a Content-Security-Policy that Blazor
/// and MudBlazor work under (scripts only from this site or with the page's nonce, the live connection only to this
/// site, images from here, inlined, or X's image hosts), no framing, no MIME sniffing, and no full URLs sent to
/// other sites. Styles may be inline: MudBlazor sets them per element. Channel icons get a stricter policy of their
/// own, so an SVG opened by itself can run nothing.
/// </summary>
public static class SecurityHeaders
{
    public const string IconPolicy = "channel-icon";

    private static readonly string[] XImageHosts = [.. Core.Twitter.XProfileImage.XImageHosts.Select(host => "https://" + host)];

    public static IServiceCollection AddPortalSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => Common(p).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().WithNonce();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data().From(XImageHosts);
                csp.AddConnectSrc().Self();
                csp.AddFontSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            }))
            .AddPolicy(IconPolicy, p => Common(p).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().None();
                csp.AddStyleSrc().UnsafeInline();
                csp.AddSandbox();
            })));

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policy) => policy
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .RemoveServerHeader();
}
