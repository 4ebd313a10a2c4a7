using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Concurrency;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Emulator.World;

/// <summary>
/// Keeps the emulator's world in <see cref="EmulatorOptions.WorldFile"/> across restarts, as X keeps its own: the
/// webhook, subscriptions, customers and their messages are still there when the host comes back. Written a moment
/// after each change (changes come in bursts), and once more when the host stops; replaced whole, never half-written.
/// </summary>
public sealed partial class EmulatorWorldFile(EmulatorWorld world, IOptions<EmulatorOptions> options, TimeProvider clock, ILogger<EmulatorWorldFile> logger)
    : BackgroundService
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(300);

    private static readonly JsonSerializerOptions Json = new()
    {
        // The world's collections are get-only: they are filled, not replaced.
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    private readonly WorldChanged changed = new();

    /// <summary>The world a new emulator starts with: the one kept in the file, or the demo seed.</summary>
    public static EmulatorWorld Load(TimeProvider clock, EmulatorOptions options, ILogger logger)
    {
        var world = new EmulatorWorld(clock);
        if (options.WorldFile is not { Length: > 0 } path || !File.Exists(path))
        {
            return world;
        }

        try
        {
            using var file = File.OpenRead(path);
            if (JsonSerializer.Deserialize<WorldSnapshot>(file, Json) is { Version: WorldSnapshot.CurrentVersion } snapshot)
            {
                world.Restore(snapshot);
                LogLoaded(logger, path);
                return world;
            }
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, path, e.Message);
        }

        // Not ours to fix by hand: set aside for a look, and start from the demo world.
        try
        {
            File.Move(path, path + ".unreadable", overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, path, e.Message);
        }

        return world;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Save();
    }

    public override void Dispose()
    {
        changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WorldFile is not { Length: > 0 })
        {
            return;
        }

        world.Changed += changed.Raise;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(Timeout.InfiniteTimeSpan, clock, stoppingToken);
                await Task.Delay(Coalesce, clock, stoppingToken);
                Save();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            world.Changed -= changed.Raise;
        }
    }

    internal void Save()
    {
        if (options.Value.WorldFile is not { Length: > 0 } path)
        {
            return;
        }

        try
        {
            var bytes = world.Capture(snapshot => JsonSerializer.SerializeToUtf8Bytes(snapshot, Json));
            var temporary = path + ".tmp";
            // It holds the demo app's secrets, like the database beside it.
            OwnerOnlyFiles.PrepareFile(temporary, create: true);
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                file.Write(bytes);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e)
        {
            // A pretend X that cannot keep its world must not stop the portal: the next change tries again.
            LogSaveFailed(logger, path, e.Message);
        }
    }

    /// <summary>Raised on every change of the world; the writer takes all that came in one go.</summary>
    private sealed class WorldChanged : WakeSignal;

    [LoggerMessage(Level = LogLevel.Information, Message = "X emulator: world restored from {Path}")]
    private static partial void LogLoaded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "X emulator: {Path} could not be read ({Reason}); it is set aside and the demo world starts afresh")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "X emulator: the world could not be written to {Path}: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string path, string reason);
}
