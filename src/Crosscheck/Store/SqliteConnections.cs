using Microsoft.Data.Sqlite;

namespace Crosscheck.Store;

/// <summary>The connection settings the server-side SQLite tables share: pooled, created on first use, a 60 s wait for the write lock.</summary>
internal static class SqliteConnections
{
    public static string For(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(databasePath),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
