using System.ComponentModel.DataAnnotations;

namespace TwitterAddon.Core.Webhooks;

/// <summary>The "App" section: how the outside world (X) reaches this host.</summary>
public sealed class PublicAddressOptions
{
    public const string Section = "App";

    /// <summary>The address X calls for webhooks; X itself wants https and no port.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
