namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Which database the add-on keeps its data in (<c>Database:Provider</c>). SQLite is the embedded default: one file,
/// one process. PostgreSQL is for teams that run several instances against one database.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
