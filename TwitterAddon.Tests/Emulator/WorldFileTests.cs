using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TwitterAddon.Emulator;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Emulator;

/// <summary>The emulator's world kept in its file: read back whole, written while X keeps changing it, never half a file.</summary>
public sealed class WorldFileTests : IDisposable
{
    private readonly TestDatabase folder = new();

    private string WorldPath => Path.Combine(folder.Folder, "emulator-world.json");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void AWorldWritten_IsReadBackAsItWas()
    {
        var options = new EmulatorOptions { WorldFile = WorldPath };
        var world = EmulatorWorldFile.Load(TimeProvider.System, options, NullLogger.Instance);
        lock (world.Gate)
        {
            var sandbox = world.Apps[0].Environments[0];
            sandbox.Webhooks.Add(new EmulatedWebhook { Id = "42", Url = "https://example.com/webhooks/twitter/k", Valid = false });
            sandbox.SubscribedUserIds.Add(SandboxSeed.AccountId);
            world.Apps[0].Access = V2Access.Enterprise;
        }

        var customer = world.NextUserId();
        File(world, options).Save();
        var restored = EmulatorWorldFile.Load(TimeProvider.System, options, NullLogger.Instance);

        var environment = restored.Apps[0].Environments[0];
        Assert.Equal(("42", false), (Assert.Single(environment.Webhooks).Id, environment.Webhooks[0].Valid));
        Assert.Contains(SandboxSeed.AccountId, environment.SubscribedUserIds);
        Assert.Equal(V2Access.Enterprise, restored.Apps[0].Access);
        Assert.True(long.Parse(restored.NextUserId(), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(customer, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WritingWhileXChangesTheWorld_NeverFails_AndLeavesAWholeFile()
    {
        var options = new EmulatorOptions { WorldFile = WorldPath };
        var world = EmulatorWorldFile.Load(TimeProvider.System, options, NullLogger.Instance);
        var file = File(world, options);
        using var stop = new CancellationTokenSource();
        var changing = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                lock (world.Gate)
                {
                    var environment = world.Apps[0].Environments[0];
                    environment.SubscribedUserIds.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    environment.Webhooks.Add(new EmulatedWebhook { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Url = "https://example.com/hook" });
                    if (environment.Webhooks.Count > 50)
                    {
                        environment.Webhooks.Clear();
                        environment.SubscribedUserIds.Clear();
                    }
                }
            }
        }, TestContext.Current.CancellationToken);

        for (var save = 0; save < 200; save++)
        {
            file.Save();
        }

        await stop.CancelAsync();
        await changing;
        var restored = EmulatorWorldFile.Load(TimeProvider.System, options, NullLogger.Instance);
        Assert.Equal(SandboxSeed.ConsumerKey, restored.Apps[0].ConsumerKey);
        Assert.False(System.IO.File.Exists(WorldPath + ".unreadable"));
    }

    [Fact]
    public void AnUnreadableFile_IsSetAside_AndTheDemoWorldStarts()
    {
        System.IO.File.WriteAllText(WorldPath, "{ not json");

        var world = EmulatorWorldFile.Load(TimeProvider.System, new EmulatorOptions { WorldFile = WorldPath }, NullLogger.Instance);

        Assert.Equal(SandboxSeed.ConsumerKey, world.Apps[0].ConsumerKey);
        Assert.True(System.IO.File.Exists(WorldPath + ".unreadable"));
    }

    private static EmulatorWorldFile File(EmulatorWorld world, EmulatorOptions options) =>
        new(world, Options.Create(options), TimeProvider.System, NullLogger<EmulatorWorldFile>.Instance);
}
