using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Applies migrations before the app takes requests. On SQLite it first creates the folder and file (owner-only,
/// <see cref="OwnerOnlyFiles"/>) and turns on WAL. On PostgreSQL several instances may start at once: EF holds a
/// database lock while it migrates, so one applies them and the others find them done.
/// </summary>
public sealed partial class DatabaseInitializer(
    DatabaseLocation location, IDbContextFactory<TwitterAddonDbContext> contexts, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (location.FilePath is { } file)
        {
            PrepareSqliteFile(file);
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (location.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers (pages, health checks) run while a writer commits; it is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        catch (DbException e)
        {
            throw new DatabaseStartupException(location.Provider == DatabaseProvider.Sqlite
                ? $"Cannot open the database '{location.FilePath}': {e.Message} " +
                  "If the file is not a TwitterAddon database or is damaged, move it away (a new one is created) " +
                  $"or point ConnectionStrings:{DatabaseLocation.ConnectionStringName} at the right file."
                : $"Cannot open the {location.Description}: {e.Message} " +
                  $"Check that the server is running, that the database exists and that ConnectionStrings:{DatabaseLocation.ConnectionStringName} " +
                  "names a user who may create tables in it.", e);
        }
    }

    private void PrepareSqliteFile(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        try
        {
            // An existing folder may hold more than the database (the app folder itself, say): only a new one is made 0700.
            OwnerOnlyFiles.PrepareFolder(folder, tightenExisting: false);
            foreach (var (path, create) in new[] { (file, true), (file + "-wal", false), (file + "-shm", false) })
            {
                if (!OwnerOnlyFiles.PrepareFile(path, create))
                {
                    LogNotTightened(logger, path);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartupException(
                $"Cannot create the database folder '{folder}' for '{file}': {e.Message} " +
                $"Set ConnectionStrings:{DatabaseLocation.ConnectionStringName} to a writable path.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{File} could not be made readable by this account only (0600); check who owns it: it holds the install's secrets")]
    private static partial void LogNotTightened(ILogger logger, string file);
}
