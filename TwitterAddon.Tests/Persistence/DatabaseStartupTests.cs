using System.Diagnostics;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Persistence;

public sealed class DatabaseStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewPath_CreatesTheFolderAndAMigratedDatabase_InWalMode()
    {
        using var temp = new TestDatabase();
        var file = Path.Combine(temp.Folder, "nested", "folder", "addon.db");
        await using var host = CoreHost.Unstarted($"Data Source={file}");

        await host.InitializeDatabaseAsync();

        Assert.True(File.Exists(file));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task CorruptFile_FailsWithAMessageNamingThePath()
    {
        using var temp = new TestDatabase();
        await File.WriteAllTextAsync(temp.FilePath, new string('x', 4096), Ct);
        await using var host = CoreHost.Unstarted(temp.ConnectionString);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(host.InitializeDatabaseAsync);

        Assert.Contains(temp.FilePath, error.Message);
        Assert.Contains("move it away", error.Message);
    }

    [Fact]
    public async Task FolderThatCannotBeCreated_FailsWithAMessageNamingThePath()
    {
        using var temp = new TestDatabase();
        var blocker = Path.Combine(temp.Folder, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder", Ct);
        var file = Path.Combine(blocker, "addon.db");
        await using var host = CoreHost.Unstarted($"Data Source={file}");

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(host.InitializeDatabaseAsync);

        Assert.Contains(file, error.Message);
        Assert.Contains("ConnectionStrings:TwitterAddon", error.Message);
    }

    [Fact]
    public async Task TheRealHost_WithACorruptDatabase_ExitsWithCode1_AndSaysWhy()
    {
        using var temp = new TestDatabase();
        await File.WriteAllTextAsync(temp.FilePath, new string('x', 4096), Ct);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "TwitterAddon.Web.dll"),
                "--urls", "http://127.0.0.1:0",
                $"--ConnectionStrings:TwitterAddon={temp.ConnectionString}",
            },
            WorkingDirectory = temp.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // A host that starts anyway would run forever: stop it and fail the test below.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }

        Assert.Equal(1, process.ExitCode);
        var said = await output + await errors;
        Assert.Contains("TwitterAddon cannot start", said);
        Assert.Contains(temp.FilePath, said);
    }
}
