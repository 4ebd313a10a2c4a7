namespace TwitterAddon.Emulator;

/// <summary>The "Emulator" section: whether this host plays X, and how strictly.</summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    /// <summary>On in Development: the portal then talks to this emulator and shows the Sandbox page.</summary>
    public bool Enabled { get; set; }

    /// <summary>Outside Development the host refuses to start with the emulator on, unless this says so (and it is logged loudly).</summary>
    public bool AllowOutsideDevelopment { get; set; }

    /// <summary>
    /// Where the emulator keeps its world between runs (a JSON file), so a restarted host finds the webhook and the
    /// subscriptions X had, as it would at X. Empty: in memory only. The portal sets it beside the database in Development.
    /// </summary>
    public string? WorldFile { get; set; }

    /// <summary>X's webhook URL rules (https, no port). Off by default so http://localhost works.</summary>
    public bool StrictWebhookUrls { get; set; }

    /// <summary>X gives a webhook 3 seconds to answer a CRC or a delivery.</summary>
    public TimeSpan WebhookDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Premium re-delivers after 3 s, 27 s and 242 s; Sandbox never does.</summary>
    public IList<TimeSpan> PremiumRetryDelays { get; set; } =
        [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(242)];

    /// <summary>How often X re-checks every webhook with a CRC (X: about hourly).</summary>
    public TimeSpan CrcInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far an oauth_timestamp may be from the emulator's clock.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
