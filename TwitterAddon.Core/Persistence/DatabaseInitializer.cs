using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TwitterAddon.Core.Persistence;

/// <summary>Creates the folder (owner-only, <see cref="OwnerOnlyFiles"/>), applies migrations and turns on WAL before the app takes requests.</summary>
public sealed partial class DatabaseInitializer(
    DatabaseLocation location, IDbContextFactory<TwitterAddonDbContext> contexts, Microsoft.Extensions.Logging.ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(location.FilePath)!;
        try
        {
            // An existing folder may hold more than the database (the app folder itself, say): only a new one is made 0700.
            OwnerOnlyFiles.PrepareFolder(folder, tightenExisting: false);
            foreach (var (file, create) in new[] { (location.FilePath, true), (location.FilePath + "-wal", false), (location.FilePath + "-shm", false) })
            {
                if (!OwnerOnlyFiles.PrepareFile(file, create))
                {
                    LogNotTightened(logger, file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartupException(
                $"Cannot create the database folder '{folder}' for '{location.FilePath}': {e.Message} " +
                $"Set ConnectionStrings:{DatabaseLocation.ConnectionStringName} to a writable path.", e);
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers (pages, health checks) run while a writer commits; it is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        catch (SqliteException e)
        {
            throw new DatabaseStartupException(
                $"Cannot open the database '{location.FilePath}': {e.Message} " +
                "If the file is not a TwitterAddon database or is damaged, move it away (a new one is created) " +
                $"or point ConnectionStrings:{DatabaseLocation.ConnectionStringName} at the right file.", e);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "{File} could not be made readable by this account only (0600); check who owns it: it holds the install's secrets")]
    private static partial void LogNotTightened(Microsoft.Extensions.Logging.ILogger logger, string file);
}
