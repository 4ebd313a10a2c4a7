namespace TwitterAddon.Tests.Browser;

/// <summary>
/// Browser tests run one class at a time: each starts a host and a Chromium, and several at once on a
/// two-core machine starve each other into timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OneBrowserAtATime
{
    public const string Name = "Browser";
}
