using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crosscheck.Store;

/// <summary>
/// Everything `crosscheck serve`, `watch` and `keys` need of the store a <c>--db</c> value names, on
/// either backend: the articles (<see cref="OpenArticles"/>), full-text search, the server tables,
/// and a version number that changes whenever the articles do. Opening creates or checks the schema.
/// </summary>
/// <remarks>Thread-safe; one per process. For PostgreSQL it holds one pool of connections for all of them.</remarks>
public sealed class ServerStore : IDisposable
{
    private readonly string _db;
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqliteReadOnly;

    private ServerStore(string db, NpgsqlDataSource? postgres, ISearchIndex search, IServerTables tables)
    {
        _db = db;
        _postgres = postgres;
        Search = search;
        Tables = tables;
        if (postgres is null)
        {
            _sqliteReadOnly = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(db), Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
        }
    }

    /// <exception cref="StoreException">The database is not a Crosscheck database or cannot be opened; the message says why.</exception>
    public static ServerStore Open(string db)
    {
        if (StoreFactory.IsPostgres(db))
        {
            NpgsqlDataSource dataSource;
            using (var store = PostgresArticleStore.Open(db)) // migrates: the server tables are migration 3
            {
                dataSource = NpgsqlDataSource.Create(PostgresConnectionString.Parse(db));
            }
            var name = $"'{PostgresConnectionString.Redacted(db)}'";
            return new ServerStore(db, dataSource, new PostgresSearchIndex(dataSource, name), new PostgresServerTables(dataSource, name));
        }
        using (SqliteArticleStore.Open(db))
        {
            // Creates or checks the articles schema before the other tables are added beside it.
        }
        return new ServerStore(db, null, new SqliteSearchIndex(db), new SqliteServerTables(db));
    }

    public bool IsPostgres => _postgres is not null;

    /// <summary>How to name the store in messages: the file path, or the server address without its password.</summary>
    public string DisplayName => StoreFactory.DisplayName(_db);

    public ISearchIndex Search { get; }

    public IServerTables Tables { get; }

    /// <summary>A store for one unit of work (a rebuild, a post); dispose it when done.</summary>
    public IArticleStore OpenArticles() =>
        _postgres is not null ? PostgresArticleStore.OnMigrated(_postgres, $"'{DisplayName}'") : SqliteArticleStore.Open(_db);

    /// <summary>
    /// A number that changes whenever the articles change: a replaced report gets a new row, so the
    /// highest row number and the count together see inserts, replacements and deletions.
    /// </summary>
    public long ArticlesVersion()
    {
        const string Sql = "SELECT COALESCE(MAX(seq), 0) * 1000003 + COUNT(*) FROM articles;";
        if (_postgres is not null)
        {
            return PostgresCalls.Run(_postgres, $"Reading the PostgreSQL database '{DisplayName}' failed", connection =>
            {
                using var command = new NpgsqlCommand(Sql, connection);
                return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            });
        }
        using var sqlite = new SqliteConnection(_sqliteReadOnly);
        sqlite.Open();
        using var query = sqlite.CreateCommand();
        query.CommandText = Sql;
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _postgres?.Dispose();
}
