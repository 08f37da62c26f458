namespace Crosscheck.Store;

/// <summary>Opens the store a <c>--db</c> value names: a postgres:// URL or a "Host=..." connection string is PostgreSQL, anything else an SQLite file.</summary>
public static class StoreFactory
{
    /// <exception cref="StoreException">The store cannot be opened; the message says why.</exception>
    public static IArticleStore Open(string db) =>
        PostgresConnectionString.IsPostgres(db) ? PostgresArticleStore.Open(db) : SqliteArticleStore.Open(db);

    public static bool IsPostgres(string db) => PostgresConnectionString.IsPostgres(db);

    /// <summary>How to name the store in messages: the file path, or the server address without its password.</summary>
    public static string DisplayName(string db) => IsPostgres(db) ? PostgresConnectionString.Redacted(db) : db;
}
