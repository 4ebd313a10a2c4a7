namespace TwitterAddon.Core.Persistence;

/// <summary>
/// The database, its WAL and the Data Protection keys hold every secret of the install: on Unix they are readable by
/// the account that runs the add-on only (files 0600, folders 0700), whatever the umask. SQLite gives the -wal and -shm
/// files the mode of the database file, so preparing the database file before SQLite opens it covers them too.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileAccessMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderAccessMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void PrepareFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderAccessMode);
        File.SetUnixFileMode(path, FolderAccessMode);
    }

    /// <summary>Makes the file owner-only, creating it empty when asked and missing (an empty file is a new SQLite database).</summary>
    public static void PrepareFile(string path, bool create = false)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (create && !File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileAccessMode });
        }

        if (File.Exists(path))
        {
            File.SetUnixFileMode(path, FileAccessMode);
        }
    }
}
