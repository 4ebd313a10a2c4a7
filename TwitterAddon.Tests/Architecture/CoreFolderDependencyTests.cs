namespace TwitterAddon.Tests.Architecture;

/// <summary>
/// Core's feature folders depend on each other one way: each may use only the folders listed before it. So the
/// inbound path reads top-down (X's way in, the account, its channels, the inbox, sending, the worker), and a
/// change to a lower folder never has to look above it.
/// </summary>
public sealed class CoreFolderDependencyTests
{
    /// <summary>Lowest first. CoreServiceRegistration (the root namespace) wires them all and is outside the order.</summary>
    private static readonly string[] Order =
    [
        "Telemetry", "Text", "Concurrency", "Validation", "Live", "Twitter", "Team", "Persistence",
        "Webhooks", "Accounts", "Channels", "Inbox", "Usage", "Outbox", "Inbound", "Instances", "Operations",
    ];

    [Fact]
    public void EveryFolder_UsesOnlyFoldersBeforeIt()
    {
        var upward = CoreFolderGraph.Read()
            .Where(e => Array.IndexOf(Order, e.Key.To) > Array.IndexOf(Order, e.Key.From))
            .Select(e => $"{e.Key.From} -> {e.Key.To}: {e.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(upward.Count == 0, "Dependencies that point up (or into a cycle):\n" + string.Join("\n", upward));
    }

    [Fact]
    public void EveryFolder_HasItsPlaceInTheOrder()
    {
        Assert.Empty(CoreFolderGraph.Folders().Except(Order, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Outbox", "Inbox")]
    [InlineData("Inbound", "Webhooks")]
    [InlineData("Accounts", "Webhooks")]
    [InlineData("Persistence", "Team")]
    public void TheGraph_SeesUsesInsideMethodBodies(string from, string to)
    {
        // Guards the reader itself: these uses exist, most only inside method bodies, so a reader that missed
        // them would let any dependency through.
        Assert.Contains((from, to), CoreFolderGraph.Read().Keys);
    }
}
