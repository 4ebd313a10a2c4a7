namespace TwitterAddon.Core.Persistence;

/// <summary>
/// The database, its WAL and the Data Protection keys hold every secret of the install: on Unix they are readable by
/// the account that runs the add-on only (files 0600, folders 0700), whatever the umask. SQLite gives the -wal and -shm
/// files the mode of the database file, so preparing the database file before SQLite opens it covers them too.
/// What this account may not change (a volume owned by root, say) is left as it is: callers log it, the start goes on.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileAccessMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderAccessMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder owner-only; an existing one is tightened only when <paramref name="tightenExisting"/> (a folder of ours alone).</summary>
    /// <returns>False when an existing folder could not be tightened.</returns>
    public static bool PrepareFolder(string path, bool tightenExisting)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return true;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, FolderAccessMode);
            return true;
        }

        return !tightenExisting || TrySetMode(path, FolderAccessMode);
    }

    /// <summary>Makes the file owner-only, creating it empty when asked and missing (an empty file is a new SQLite database).</summary>
    /// <returns>False when an existing file could not be tightened.</returns>
    public static bool PrepareFile(string path, bool create = false)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        if (create && !File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileAccessMode });
            return true;
        }

        return !File.Exists(path) || TrySetMode(path, FileAccessMode);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool TrySetMode(string path, UnixFileMode mode)
    {
        try
        {
            if (File.GetUnixFileMode(path) != mode)
            {
                File.SetUnixFileMode(path, mode);
            }

            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
