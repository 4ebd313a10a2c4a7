using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Core.Outbox;

/// <summary>What X answered a send that did not succeed, as the retry policy needs it, whichever API generation answered.</summary>
/// <param name="HttpStatus">0 when X did not answer at all.</param>
/// <param name="Refusal">What the answer means, when X said.</param>
/// <param name="Said">X's own words, for the agent: "187: Status is a duplicate." or v2's detail.</param>
/// <param name="OutcomeUnknown">No answer, but the request may have reached X: it may have posted.</param>
public sealed record SendFailure(
    int HttpStatus, XRefusal? Refusal = null, string? Said = null, bool OutcomeUnknown = false, DateTimeOffset? RateLimitReset = null, int? Code = null)
{
    public static SendFailure From(XApiException e) =>
        new(e.HttpStatus, e.Refusal, e.XSaidWhy ? e.Said : null,
            e.OutcomeUnknown, e.RateLimitReset, e.Code);

    /// <summary>The shortest reference to X's answer: its v1.1 code, else what it said.</summary>
    public string Reference => Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Said ?? $"HTTP {HttpStatus}";
}
