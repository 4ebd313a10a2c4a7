namespace TwitterAddon.Emulator.World;

/// <summary>An app's access to X API v2: self-serve credits or an enterprise contract (docs.x.com pricing and limits).</summary>
public enum V2Access
{
    PayPerUse,
    Enterprise,
}
