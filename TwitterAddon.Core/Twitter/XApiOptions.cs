using System.ComponentModel.DataAnnotations;

namespace TwitterAddon.Core.Twitter;

/// <summary>The "Twitter" section: where X is (real X, or the emulator in Development).</summary>
public sealed class XApiOptions
{
    public const string Section = "Twitter";

    // X's current host for v2 and v1.1 alike (api.twitter.com still answers); OAuth signs whichever is called.
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.x.com/";

    /// <summary>A 429 whose reset is this close is waited out and retried once; a later one is reported.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one call may take before it counts as timed out (its outcome then unknown).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
