using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Core.Outbox;

/// <summary>What X answered a send that did not succeed, as the retry policy needs it.</summary>
/// <param name="HttpStatus">0 when X did not answer at all.</param>
/// <param name="OutcomeUnknown">No answer, but the request may have reached X: it may have posted.</param>
public sealed record SendFailure(int HttpStatus, int? Code, string? XMessage, bool OutcomeUnknown = false, DateTimeOffset? RateLimitReset = null)
{
    public static SendFailure From(XApiException e) =>
        new(e.HttpStatus, e.Code, e.Errors.Count > 0 ? e.Errors[0].Message : null, e.OutcomeUnknown, e.RateLimitReset);
}
