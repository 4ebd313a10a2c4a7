using System.ComponentModel.DataAnnotations;

namespace TwitterAddon.Web.Hosting;

/// <summary>The "App" section: how the outside world (X) reaches this host.</summary>
public sealed class PortalOptions
{
    public const string Section = "App";

    /// <summary>The address X calls for webhooks; X itself wants https and no port.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
