using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TwitterAddon.Core.Persistence;

/// <summary>Creates the folder (owner-only, <see cref="OwnerOnlyFiles"/>), applies migrations and turns on WAL before the app takes requests.</summary>
public sealed class DatabaseInitializer(DatabaseLocation location, IDbContextFactory<TwitterAddonDbContext> contexts)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(location.FilePath)!;
        try
        {
            OwnerOnlyFiles.PrepareFolder(folder);
            OwnerOnlyFiles.PrepareFile(location.FilePath, create: true);
            OwnerOnlyFiles.PrepareFile(location.FilePath + "-wal");
            OwnerOnlyFiles.PrepareFile(location.FilePath + "-shm");
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
}
