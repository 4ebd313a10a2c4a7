namespace TwitterAddon.Core.Persistence;

/// <summary>The database cannot be used; the message names the file and what to do about it.</summary>
public sealed class DatabaseStartupException : Exception
{
    public DatabaseStartupException(string message)
        : base(message)
    {
    }

    public DatabaseStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
