namespace TwitterAddon.Tests.Browser;

/// <summary>
/// Browser tests run one class at a time: each starts a host and a Chromium, and several at once on a
/// two-core machine starve each other into timeouts.
/// </summary>
// Not in parallel with anything: since the tests also run on PostgreSQL, its server and the other hosts took enough of
// the two cores that a Blazor circuit missed a click's deadline now and then (a menu click, a toggle's save).
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OneBrowserAtATime
{
    public const string Name = "Browser";
}
