using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace TwitterAddon.Emulator.Api;

/// <summary>Applies the control API's fault plan to every X call: latency first, then the script, an injected failure, or a late answer.</summary>
public sealed class FaultFilter(FaultInjector faults, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var plan = faults.Current;
        if (plan.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(plan.LatencyMs), clock, context.HttpContext.RequestAborted);
        }

        var scripted = faults.NextScripted();
        var failure = scripted is { Answer: ScriptedAnswer.Fail } ? FaultInjector.FailureOf(scripted)
            : scripted is null ? faults.NextFailure() : null;
        if (failure is null)
        {
            var result = await next(context);
            if (scripted is { Answer: ScriptedAnswer.Drop })
            {
                // Done on X's side; the caller sees the connection end before any answer.
                context.HttpContext.Abort();
                return Results.Empty;
            }

            if (faults.AnswerLate())
            {
                // Done on X's side, but the caller's timeout fires first: the outcome is unknown to it.
                await Task.Delay(TimeSpan.FromMilliseconds(plan.SlowAnswerMs), clock, CancellationToken.None);
            }

            return result;
        }

        if (failure.Status == StatusCodes.Status429TooManyRequests)
        {
            // An injected burst ends two seconds later, as a real window reset would.
            context.HttpContext.Response.Headers["x-rate-limit-reset"] =
                (clock.GetUtcNow().ToUnixTimeSeconds() + 2).ToString(CultureInfo.InvariantCulture);
        }

        return XResults.Error(context.HttpContext, failure);
    }
}
