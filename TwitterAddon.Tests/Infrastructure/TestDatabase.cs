using Microsoft.Data.Sqlite;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>A fresh folder with its own SQLite file, removed when the test ends.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "twitteraddon-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string FilePath => Path.Combine(Folder, "twitteraddon.db");

    public string ConnectionString => $"Data Source={FilePath}";

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A background task may still hold a handle; the OS temp folder is cleaned eventually.
        }
    }
}
