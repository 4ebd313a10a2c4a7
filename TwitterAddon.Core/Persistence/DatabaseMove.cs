using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Moves an install's data from its SQLite file to an empty PostgreSQL database: every table in foreign-key order with
/// its ids kept, then PostgreSQL's id sequences set past them, and the Data Protection key files into the database's
/// key ring (the stored X secrets and sign-in cookies were protected with them). The PostgreSQL database is migrated
/// first; the SQLite file is only read (it must be migrated already). A target that already holds data is refused, so
/// nothing is ever merged or lost.
/// </summary>
public sealed class DatabaseMove(string sqliteConnectionString, string keysFolder, string postgreSqlConnectionString)
{
    private const int Batch = 2_000;

    public async Task<IReadOnlyList<(string Table, int Rows)>> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        await using var source = new TwitterAddonDbContext(DatabaseContextOptions.Sqlite(sqliteConnectionString));
        // The file is only read: one that this version would migrate is refused (the portal migrates it at its start).
        if ((await source.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException(
                "The SQLite file is from an older version: start the portal once on it (it migrates the file at start), stop it, then move.");
        }

        await using (var target = NewTarget())
        {
            await target.Database.MigrateAsync(cancellationToken);
            if (await HeldTableAsync(target, cancellationToken) is { } held)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL database already holds data ({held}): move into an empty database, so nothing is merged or overwritten.");
            }

            // The rows the migrations seed (the roles) come with the install's own copy of them.
            foreach (var seeded in DesignModel(target).GetEntityTypes().Where(e => e.GetSeedData().Any()))
            {
                var clear = $"DELETE FROM \"{seeded.GetTableName()}\"";
                await target.Database.ExecuteSqlRawAsync(clear, cancellationToken);
            }
        }

        var moved = new List<(string Table, int Rows)>();
        foreach (var entity in InForeignKeyOrder(source.Model).Where(IsMoved))
        {
            var rows = await (Task<int>)CopyMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [source, cancellationToken])!;
            moved.Add((entity.GetTableName()!, rows));
            progress.Report($"{entity.GetTableName()}: {rows} rows");
        }

        await using (var target = NewTarget())
        {
            await ContinueSequencesAsync(target, cancellationToken);
            var keys = await ImportKeyFilesAsync(target, cancellationToken);
            moved.Add(("Data Protection keys (files)", keys));
            progress.Report($"Data Protection keys: {keys} from {keysFolder}");
        }

        return moved;
    }

    private static readonly MethodInfo CopyMethod = typeof(DatabaseMove).GetMethod(nameof(CopyAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private TwitterAddonDbContext NewTarget() => new(DatabaseContextOptions.PostgreSql(postgreSqlConnectionString));

    /// <summary>Copies one table a batch at a time, each batch in a fresh context (memory stays flat).</summary>
    private async Task<int> CopyAsync<T>(TwitterAddonDbContext source, CancellationToken cancellationToken)
        where T : class
    {
        var count = 0;
        var batch = new List<T>(Batch);
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == Batch)
            {
                count += await WriteAsync(batch, cancellationToken);
            }
        }

        return count + await WriteAsync(batch, cancellationToken);
    }

    private async Task<int> WriteAsync<T>(List<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var target = NewTarget();
        target.Set<T>().AddRange(rows);
        await target.SaveChangesAsync(cancellationToken);
        var written = rows.Count;
        rows.Clear();
        return written;
    }

    /// <summary>Principals before the rows that point at them (an account's conversations after its contacts, say).</summary>
    private static List<IEntityType> InForeignKeyOrder(IModel model)
    {
        var ordered = new List<IEntityType>();
        var left = model.GetEntityTypes().Where(e => e.GetTableName() is not null).ToList();
        while (left.Count > 0)
        {
            var ready = left.Where(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || ordered.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The tables' foreign keys form a cycle: " + string.Join(", ", left.Select(e => e.GetTableName())));
            }

            ordered.AddRange(ready);
            left.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    // Not moved: the leases are this process's own, and on SQLite the key ring is in files (imported on their own).
    private static bool IsMoved(IEntityType entity) => entity.ClrType != typeof(DataProtectionKey) && entity.ClrType != typeof(WorkerLease);

    private static async Task<string?> HeldTableAsync(TwitterAddonDbContext target, CancellationToken cancellationToken)
    {
        foreach (var entity in DesignModel(target).GetEntityTypes().Where(IsMoved))
        {
            // The table's name comes from the model, not from input.
            var count = $"SELECT COUNT(*) AS \"Value\" FROM \"{entity.GetTableName()}\"";
            var rows = await target.Database.SqlQueryRaw<long>(count).SingleAsync(cancellationToken);
            // A fresh database holds what the migrations seed, and nothing else.
            if (rows > entity.GetSeedData().Count())
            {
                return $"{rows} rows in {entity.GetTableName()}";
            }
        }

        return null;
    }

    /// <summary>The model with what the migrations seed (the runtime model leaves it out).</summary>
    private static IModel DesignModel(TwitterAddonDbContext db) => db.GetService<IDesignTimeModel>().Model;

    /// <summary>Ids were copied as they were: each identity column's sequence continues after the highest.</summary>
    private static async Task ContinueSequencesAsync(TwitterAddonDbContext target, CancellationToken cancellationToken)
    {
        foreach (var entity in target.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            foreach (var key in entity.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd
                && p.ClrType is var t && (t == typeof(int) || t == typeof(long))))
            {
                // Names from the model, not from input.
                var column = key.GetColumnName();
                var continueAfterMax =
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)";
                await target.Database.ExecuteSqlRawAsync(continueAfterMax, cancellationToken);
            }
        }
    }

    private async Task<int> ImportKeyFilesAsync(TwitterAddonDbContext target, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(keysFolder))
        {
            return 0;
        }

        var files = Directory.EnumerateFiles(keysFolder, "*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            target.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = await File.ReadAllTextAsync(file, cancellationToken),
            });
        }

        await target.SaveChangesAsync(cancellationToken);
        return files.Count;
    }
}
