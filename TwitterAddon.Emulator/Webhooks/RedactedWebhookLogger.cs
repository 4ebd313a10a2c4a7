using System.Net.Http;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace TwitterAddon.Emulator.Webhooks;

/// <summary>
/// Logs the emulator's calls to webhooks (CRCs and deliveries) without the secret part of the address: a webhook URL
/// ends in the add-on's key (<c>/webhooks/twitter/{key}</c>), which must not sit in logs. The last path segment and the
/// query are written as <c>***</c> and <c>*</c>, as production's X calls redact their query.
/// </summary>
public sealed partial class RedactedWebhookLogger(ILogger<RedactedWebhookLogger> logger) : IHttpClientLogger
{
    public static string Redact(Uri? address)
    {
        if (address is null)
        {
            return "";
        }

        var path = address.AbsolutePath;
        var lastSlash = path.LastIndexOf('/');
        var redacted = lastSlash >= 0 && lastSlash < path.Length - 1 ? path[..(lastSlash + 1)] + "***" : path;
        return $"{address.Scheme}://{address.Authority}{redacted}{(address.Query.Length > 0 ? "?*" : "")}";
    }

    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var url = Redact(request.RequestUri);
            LogCalled(logger, request.Method.Method, url, (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var (url, error) = (Redact(request.RequestUri), exception.GetType().Name);
            LogFailed(logger, request.Method.Method, url, error, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "X (emulated) called {Method} {Url}: {Status} after {Milliseconds:F1} ms")]
    private static partial void LogCalled(ILogger logger, string method, string url, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "X (emulated) called {Method} {Url}: no answer ({Error}) after {Milliseconds:F1} ms")]
    private static partial void LogFailed(ILogger logger, string method, string url, string error, double milliseconds);
}
