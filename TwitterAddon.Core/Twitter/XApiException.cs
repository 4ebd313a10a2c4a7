namespace TwitterAddon.Core.Twitter;

/// <summary>
/// X answered with an error, of either API generation: its HTTP status, v1.1's error codes or v2's problem and
/// errors, and for 429 when the limit resets. <see cref="Refusal"/> says what it means, whichever generation said it.
/// </summary>
public sealed class XApiException : Exception
{
    public XApiException(int httpStatus, IReadOnlyList<XError> errors, DateTimeOffset? rateLimitReset = null, XProblem? problem = null)
        : base(Describe(httpStatus, errors, problem))
    {
        HttpStatus = httpStatus;
        Errors = errors;
        RateLimitReset = rateLimitReset;
        Problem = problem;
        // Read many times while the message for a person is chosen; X's answer does not change.
        Refusal = XRefusals.Of(httpStatus, Code, problem, errors);
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

    /// <summary>v2's problem details, when X sent them.</summary>
    public XProblem? Problem { get; }

    /// <summary>X's first v1.1 error code, or null when the body had none (a v2 answer, a bare 5xx).</summary>
    public int? Code => Errors.Select(e => e.Code).FirstOrDefault(c => c is not null);

    public DateTimeOffset? RateLimitReset { get; }

    /// <summary>What X's answer means for the add-on, from a v1.1 code or a v2 problem; null when it does not tell.</summary>
    public XRefusal? Refusal { get; }

    /// <summary>X answered with a body that says something (v1.1 errors or a v2 problem), not just a status or nothing.</summary>
    public bool XSaidWhy => Problem is not null || Errors.Count > 0;

    /// <summary>
    /// What X said, for the person: "187: Status is a duplicate." (v1.1); on v2 the errors' messages, which name the
    /// case ("DuplicateUrlFailed: ..."), else the problem's detail.
    /// </summary>
    public string Said =>
        Code is { } code ? $"{code}: {Errors.First(e => e.Code == code).Text}"
        : Errors.Count > 0 && Errors.Any(e => e.Text.Length > 0) ? string.Join(" ", Errors.Select(e => e.Text).Where(t => t.Length > 0))
        : Problem?.Detail ?? Problem?.Title ?? $"HTTP {HttpStatus}";

    /// <summary>Whether X's answer names <paramref name="reason"/> anywhere (v2 puts reasons in messages, titles or details).</summary>
    public bool Names(string reason) =>
        Errors.Any(e => e.Text.Contains(reason, StringComparison.OrdinalIgnoreCase) || e.Title == reason)
        || Problem?.Title == reason || Problem?.Detail?.Contains(reason, StringComparison.OrdinalIgnoreCase) == true;

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

    private static string Describe(int status, IReadOnlyList<XError> errors, XProblem? problem) =>
        errors.Count == 0 && problem is null
            ? $"X answered HTTP {status}."
            : $"X answered HTTP {status}: " + string.Join("; ",
                new[] { problem?.Detail ?? problem?.Title }.Concat(errors.Select(e => e.Code is { } c ? $"{c} {e.Text}" : e.Text)).OfType<string>().Distinct());
}
