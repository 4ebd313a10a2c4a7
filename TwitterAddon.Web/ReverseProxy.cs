using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Web;

/// <summary>
/// Running behind nginx or Caddy, which X's https requirement makes the usual set-up: the proxy's
/// X-Forwarded-For and -Proto are believed from loopback and from <c>Proxy:KnownProxies</c> / <c>Proxy:KnownNetworks</c>
/// only (X-Forwarded-Host never: host filtering has run by then, and a proxy may pass a client's value through; the
/// proxy passes the Host header itself), so the portal knows a request came over https (Secure cookies, https redirects, HSTS) and who sent it (rate
/// limits). Host names are checked against <c>AllowedHosts</c>; when it is not set outside Development, the host of
/// <c>App:PublicBaseUrl</c> and this machine's names are the allowed ones, so a forged Host never reaches a redirect.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "Proxy";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.Configure<HostFilteringOptions>(o =>
        {
            if (!isDevelopment && string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
            {
                var publicHost = new Uri(configuration[$"{PublicAddressOptions.Section}:{nameof(PublicAddressOptions.PublicBaseUrl)}"] ?? "http://localhost").Host;
                o.AllowedHosts = [publicHost, "localhost", "127.0.0.1", "[::1]"];
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }
}
