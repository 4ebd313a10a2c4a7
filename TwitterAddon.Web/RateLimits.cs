using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TwitterAddon.Web.Endpoints;
using TwitterAddon.Web.Identity;

namespace TwitterAddon.Web;

/// <summary>
/// ASP.NET Core's rate limiter, in two places: sign-in posts per client address (<see cref="SignInThrottle"/>), and
/// bodies uploaded to the webhook and intermediary endpoints at once (<see cref="TwitterWebhookEndpoints.ConcurrentUploads"/>),
/// so a crowd of slow uploads cannot hold every connection.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = SignInThrottle.CreateLimiter();
            o.AddConcurrencyLimiter(TwitterWebhookEndpoints.UploadsPolicy, c => (c.PermitLimit, c.QueueLimit) = (TwitterWebhookEndpoints.ConcurrentUploads, 0));
            o.OnRejected = (context, _) =>
            {
                var response = context.HttpContext.Response;
                if (SignInThrottle.Guards(context.HttpContext))
                {
                    // A person sees the sign-in page again with the reason, not a bare 429.
                    response.StatusCode = StatusCodes.Status303SeeOther;
                    response.Headers.Location = "/account/login?throttled=true";
                }
                else
                {
                    response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    response.Headers.RetryAfter = "3";
                }

                return ValueTask.CompletedTask;
            };
        });
}
