namespace TwitterAddon.Core.Twitter;

/// <summary>X answered with an error: its HTTP status, its error codes and, for 429, when the limit resets.</summary>
public sealed class XApiException : Exception
{
    public XApiException(int httpStatus, IReadOnlyList<XError> errors, DateTimeOffset? rateLimitReset = null)
        : base(Describe(httpStatus, errors))
    {
        HttpStatus = httpStatus;
        Errors = errors;
        RateLimitReset = rateLimitReset;
    }

    public XApiException()
        : this(0, [])
    {
    }

    public XApiException(string message)
        : base(message)
    {
        Errors = [];
    }

    public XApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public int HttpStatus { get; }

    public IReadOnlyList<XError> Errors { get; }

    /// <summary>X's first error code, or null when the body had none (a bare 5xx, say).</summary>
    public int? Code => Errors.Count > 0 ? Errors[0].Code : null;

    public DateTimeOffset? RateLimitReset { get; }

    public bool Has(int code) => Errors.Any(e => e.Code == code);

    /// <summary>
    /// No answer, but the request may have reached X (a timeout, a dropped connection): a POST may have
    /// created its tweet or DM. False when it surely never left (connection refused, open circuit).
    /// </summary>
    public bool OutcomeUnknown => HttpStatus == 0 && InnerException switch
    {
        Polly.CircuitBreaker.BrokenCircuitException => false,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => false,
        null => false,
        _ => true,
    };

    private static string Describe(int status, IReadOnlyList<XError> errors) =>
        errors.Count == 0
            ? $"X answered HTTP {status}."
            : $"X answered HTTP {status}: " + string.Join("; ", errors.Select(e => $"{e.Code} {e.Message}"));
}
