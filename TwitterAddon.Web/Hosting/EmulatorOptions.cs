namespace TwitterAddon.Web.Hosting;

/// <summary>The "Emulator" section: whether this host also plays X (Development does, by default).</summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    public bool Enabled { get; set; }
}
