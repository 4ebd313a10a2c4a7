using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Web;

/// <summary>
/// <c>dotnet run --project TwitterAddon.Web -- move-to-postgresql "Host=…;Database=…;Username=…;Password=…"</c>: moves
/// this install's SQLite data (the file and keys folder its settings name) into an empty PostgreSQL database
/// (<see cref="DatabaseMove"/>). Run it with the portal stopped; then start the portal with Database:Provider=PostgreSQL.
/// </summary>
public static class DataMoveCommand
{
    public const string Name = "move-to-postgresql";

    public static bool Requested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>The arguments the host's configuration should see: the command's own removed.</summary>
    public static string[] HostArguments(string[] args) => Requested(args) ? args[Math.Min(args.Length, 2)..] : args;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, IHostEnvironment environment)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            Console.Error.WriteLine($"usage: {Name} \"Host=…;Database=…;Username=…;Password=…\" (an empty PostgreSQL database)");
            return 2;
        }

        DatabaseLocation from;
        try
        {
            from = DatabaseLocation.From(configuration, environment.ContentRootPath);
        }
        catch (DatabaseStartupException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        if (from.FilePath is not { } file || !File.Exists(file))
        {
            Console.Error.WriteLine(from.FilePath is null
                ? $"{DatabaseLocation.ProviderSetting} is already PostgreSQL: there is no SQLite file to move from."
                : $"There is no SQLite database at {from.FilePath}: nothing to move.");
            return 1;
        }

        // A SQLite install: its keys are in a folder.
        var keys = from.KeysFolder(configuration, environment.ContentRootPath)!;
        Console.WriteLine($"Moving {file} and the keys in {keys} to the {DatabaseLocation.DescribePostgreSql(args[1])}…");
        try
        {
            var moved = await new DatabaseMove(from.ConnectionString, keys, args[1])
                .RunAsync(new Progress<string>(Console.WriteLine), CancellationToken.None);
            Console.WriteLine($"Done: {moved.Sum(m => m.Rows)} rows. Start the portal with Database__Provider=PostgreSQL and " +
                $"ConnectionStrings__{DatabaseLocation.ConnectionStringName} set to that connection string; keep {file} as a backup.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            Console.Error.WriteLine($"{e.Message} {file} was only read. If some rows were copied before this, drop and create the " +
                "PostgreSQL database again before the next try.");
            return 1;
        }
    }
}
