using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace TwitterAddon.Core.Twitter;

/// <summary>The X client's HTTP pipeline: resilience outside, then 429 handling, then signing (fresh per attempt).</summary>
internal static class XApiRegistration
{
    public static IServiceCollection AddXApiClient(this IServiceCollection services)
    {
        services.AddOptions<XApiOptions>().BindConfiguration(XApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<XBearerTokenCache>();
        services.AddTransient<OAuth1Handler>();
        services.AddTransient<RateLimitHandler>();
        // One pipeline for both API generations; the clients are thin typed wrappers over it.
        services.AddTransient<IXApi, XApiClient>();
        services.AddTransient<IXApiV2, XApiV2Client>();
        var client = services.AddHttpClient<XTransport>((sp, http) =>
        {
            var baseUrl = sp.GetRequiredService<IOptions<XApiOptions>>().Value.ApiBaseUrl;
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            // The resilience pipeline owns the time limits (per attempt and in total).
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddStandardResilienceHandler(o =>
        {
            // 429 is RateLimitHandler's: X says exactly when to come back.
            o.Retry.ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome)
                && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);
            // A POST that timed out may have created the tweet or DM: never resend it blindly.
            o.Retry.DisableFor(HttpMethod.Post, HttpMethod.Patch);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(3);
        }).Configure((o, sp) => o.AttemptTimeout.Timeout = sp.GetRequiredService<IOptions<XApiOptions>>().Value.AttemptTimeout);
        client.AddHttpMessageHandler<RateLimitHandler>().AddHttpMessageHandler<OAuth1Handler>();
        return services;
    }
}
