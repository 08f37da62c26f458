using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Crosscheck.Store;

/// <summary>
/// The shared store: PostgreSQL, for many workers on many machines. Same contract and results as
/// <see cref="SqliteArticleStore"/> (content-hash dedupe, id disambiguation, an edited file replaces its
/// analysis, one transaction per batch), plus PostgreSQL full-text search. An edited file replaces its
/// analysis only with a version later in the queue order, since workers may store two versions in any
/// order; queued locations name the enqueuing machine (<see cref="Processing.QueueFeeder.QualifiedLocation"/>). Writers take one
/// transaction-level advisory lock per batch, so two workers storing at once see each other's rows:
/// a report another worker stored in the meantime is skipped (stored exactly once), and an id another
/// worker took in the meantime is disambiguated exactly as a serial run would have done.
/// </summary>
/// <remarks>Not thread-safe, like every <see cref="IArticleStore"/>. A dropped connection is reopened and
/// the interrupted call retried: every call is either read-only or one idempotent transaction.</remarks>
public sealed class PostgresArticleStore : IArticleStore, ITextSearchStore
{
    private const int Attempts = 3;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _displayName;
    private readonly HashSet<string> _pendingIds = new(StringComparer.Ordinal);
    private readonly bool _ownsDataSource;
    private readonly string _analyzerBuild;
    private NpgsqlConnection _connection;

    private PostgresArticleStore(NpgsqlDataSource dataSource, NpgsqlConnection connection, string displayName, bool ownsDataSource = true,
        string? analyzerBuild = null)
    {
        _analyzerBuild = analyzerBuild ?? AnalyzerBuild.Current;
        _dataSource = dataSource;
        _connection = connection;
        _displayName = displayName;
        _ownsDataSource = ownsDataSource;
    }

    /// <summary>
    /// A store for one unit of work on a data source that a long-lived owner (the server) keeps and
    /// has already migrated: no new pool and no migration lock per request. Disposing it returns its
    /// connection to the pool and leaves the data source open.
    /// </summary>
    /// <exception cref="StoreException">The server cannot be reached.</exception>
    public static PostgresArticleStore OnMigrated(NpgsqlDataSource dataSource, string displayName)
    {
        try
        {
            return new PostgresArticleStore(dataSource, dataSource.OpenConnection(), displayName, ownsDataSource: false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"Cannot open the PostgreSQL database {displayName}: {ex.Message}. Is the server running?", ex);
        }
    }

    /// <summary>Connects and brings the schema up to date (creating it on first use).</summary>
    /// <param name="db">A postgres:// URL or an Npgsql connection string.</param>
    /// <exception cref="StoreException">The server cannot be reached, refuses the login, or holds a newer schema.</exception>
    public static PostgresArticleStore Open(string db) => Open(db, AnalyzerBuild.Current);

    /// <param name="analyzerBuild">The build whose analyses count as current: another one's are analysed again.</param>
    internal static PostgresArticleStore Open(string db, string analyzerBuild)
    {
        var builder = PostgresConnectionString.Parse(db);
        var displayName = $"'{PostgresConnectionString.Redacted(db)}'";
        var dataSource = NpgsqlDataSource.Create(builder);
        NpgsqlConnection? connection = null;
        try
        {
            connection = dataSource.OpenConnection();
            PostgresSchema.Migrate(connection, displayName);
            return new PostgresArticleStore(dataSource, connection, displayName, analyzerBuild: analyzerBuild);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            connection?.Dispose();
            dataSource.Dispose();
            throw new StoreException($"Cannot open the PostgreSQL database {displayName}: {ex.Message}. Is the server running, and may this user create tables?", ex);
        }
        catch
        {
            connection?.Dispose();
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Pooled connections to the same database, for helpers such as the job queue.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    public int ArticleCount => Retry(() => Convert.ToInt32(Scalar("SELECT count(*) FROM articles;"), CultureInfo.InvariantCulture));

    public IdDecision DecideId(string proposedId, string location, string contentHash) => Retry(() =>
    {
        using (var byHash = Command("SELECT id, location, analyzer, published, reference_date FROM articles WHERE content_hash = $1;", contentHash))
        using (var found = byHash.ExecuteReader())
        {
            if (found.Read())
            {
                var anchoredOn = found.IsDBNull(4) ? (DateOnly?)null : found.GetFieldValue<DateOnly>(4);
                bool stale = IsStale(found.IsDBNull(2) ? null : found.GetString(2), dated: !found.IsDBNull(3), anchoredOn);
                return new IdDecision(!stale, found.GetString(0), false, found.GetString(1), Reanalyzes: stale,
                    ReanalyzeOn: stale && found.IsDBNull(3) ? anchoredOn : null);
            }
        }
        // As in SQLite: an edited file replaces its analysis; a record of a JSON Lines or JSON array file never does.
        if (!SqliteArticleStore.IsRecordLocation(location))
        {
            using var byLocation = Command("SELECT id FROM articles WHERE location = $1 ORDER BY seq LIMIT 1;", location);
            if (byLocation.ExecuteScalar() is string edited)
            {
                _pendingIds.Add(edited);
                return new IdDecision(false, edited, true);
            }
        }
        var id = FreeId(proposedId, contentHash, null);
        _pendingIds.Add(id);
        return new IdDecision(false, id, false);
    });

    private string FreeId(string proposedId, string contentHash, NpgsqlTransaction? transaction)
    {
        var id = proposedId;
        for (int attempt = 2; IdTaken(id, transaction); attempt++)
        {
            // The same scheme as SQLite, so both stores give a report the same id.
            id = $"{proposedId}~{contentHash[..Math.Min(8, contentHash.Length)]}" + (attempt > 2 ? $"-{attempt}" : "");
        }
        return id;
    }

    private bool IdTaken(string id, NpgsqlTransaction? transaction)
    {
        if (transaction is null && _pendingIds.Contains(id)) return true;
        using var command = Command("SELECT 1 FROM articles WHERE id = $1;", id);
        command.Transaction = transaction;
        return command.ExecuteScalar() is not null;
    }

    public SavedBatch SaveBatch(IReadOnlyList<AnalyzedArticle> analyses, IReadOnlyList<InputProblem> problems) =>
        SaveBatch(analyses, problems, orderKeys: null);

    /// <summary>
    /// Stores a batch atomically; reports whose content is already stored (by another worker) are skipped.
    /// An edited file replaces its analysis only when it comes later in the reading order: two versions
    /// of one file, stored by different workers in any order, leave the later one stored.
    /// </summary>
    /// <param name="orderKeys">The reading order of each report by content hash (from the queue); a report without one goes after everything stored.</param>
    public SavedBatch SaveBatch(IReadOnlyList<AnalyzedArticle> analyses, IReadOnlyList<InputProblem> problems, IReadOnlyDictionary<string, long>? orderKeys)
    {
        var saved = Retry(() =>
        {
            var stored = new List<AnalyzedArticle>(analyses.Count);
            var notStored = new List<NotStoredReport>();
            int reanalyzed = 0;
            using var transaction = _connection.BeginTransaction();
            Execute($"SELECT pg_advisory_xact_lock({PostgresSchema.StoreWriteLock});", transaction);
            foreach (var analyzed in analyses)
            {
                var article = analyzed.Article;
                var where = article.SourcePath ?? article.Id;
                string? storedBefore = null, storedLocation = null;
                bool storedStale = false;
                using (var known = Command("SELECT id, analyzer, location, published, reference_date FROM articles WHERE content_hash = $1;", article.ContentHash))
                {
                    known.Transaction = transaction;
                    using var found = known.ExecuteReader();
                    if (found.Read())
                    {
                        storedBefore = found.GetString(0);
                        storedStale = IsStale(found.IsDBNull(1) ? null : found.GetString(1), dated: !found.IsDBNull(3),
                            found.IsDBNull(4) ? null : found.GetFieldValue<DateOnly>(4));
                        storedLocation = found.GetString(2);
                    }
                }
                if (storedBefore is not null && storedStale)
                {
                    // Analysed by another build: the new analysis takes the row's place, keeping its id, location and order.
                    var refreshed = storedBefore == article.Id && storedLocation == where
                        ? analyzed
                        : analyzed.WithArticle(article with { Id = storedBefore, SourcePath = storedLocation });
                    using var refresh = new NpgsqlCommand("""
                        UPDATE articles SET published = $2, language = $3, language_config = $4::regconfig, title = $5, body = $6, analysis = $7, analyzer = $8,
                            reference_date = $9
                        WHERE content_hash = $1;
                        """, _connection, transaction);
                    refresh.Parameters.AddWithValue(article.ContentHash);
                    AddAnalysisColumns(refresh, refreshed);
                    refresh.ExecuteNonQuery();
                    stored.Add(refreshed);
                    reanalyzed++;
                    using var clearStale = Command("DELETE FROM problems WHERE location = $1;", where);
                    clearStale.Transaction = transaction;
                    clearStale.ExecuteNonQuery();
                    continue;
                }
                if (storedBefore is not null)
                {
                    // another worker stored it first: once is enough
                    notStored.Add(new NotStoredReport(analyzed, storedBefore, $"same content as '{storedBefore}', stored meanwhile: stored once"));
                    continue;
                }
                long orderKey;
                if (orderKeys is not null && orderKeys.TryGetValue(article.ContentHash, out var given)) orderKey = given;
                else
                {
                    using var next = Command("SELECT nextval('article_order');");
                    next.Transaction = transaction;
                    orderKey = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
                }
                if (!SqliteArticleStore.IsRecordLocation(where))
                {
                    using (var newer = Command("SELECT id FROM articles WHERE location = $1 AND order_key > $2 LIMIT 1;", where, orderKey))
                    {
                        newer.Transaction = transaction;
                        if (newer.ExecuteScalar() is string newerId)
                        {
                            notStored.Add(new NotStoredReport(analyzed, null, $"a later version of this file is stored already (as '{newerId}'): this older one is left out"));
                            continue;
                        }
                    }
                    using var replace = Command("DELETE FROM articles WHERE location = $1 AND order_key < $2;", where, orderKey);
                    replace.Transaction = transaction;
                    replace.ExecuteNonQuery();
                }
                var id = FreeId(article.Id, article.ContentHash, transaction);
                var toStore = id == article.Id ? analyzed : analyzed.WithArticle(article with { Id = id });
                using var insert = new NpgsqlCommand("""
                    INSERT INTO articles (order_key, id, content_hash, location, published, language, language_config, title, body, analysis, analyzer, reference_date)
                    VALUES ($1, $2, $3, $4, $5, $6, $7::regconfig, $8, $9, $10, $11, $12)
                    ON CONFLICT (content_hash) DO NOTHING;
                    """, _connection, transaction);
                insert.Parameters.AddWithValue(orderKey);
                insert.Parameters.AddWithValue(id);
                insert.Parameters.AddWithValue(article.ContentHash);
                insert.Parameters.AddWithValue(where);
                AddAnalysisColumns(insert, toStore);
                if (insert.ExecuteNonQuery() == 1) stored.Add(toStore);
                using var clear = Command("DELETE FROM problems WHERE location = $1;", where);
                clear.Transaction = transaction;
                clear.ExecuteNonQuery();
            }
            foreach (var problem in problems)
            {
                using var add = Command("INSERT INTO problems (location, message) VALUES ($1, $2) ON CONFLICT (location) DO UPDATE SET message = excluded.message;",
                    problem.Location, problem.Message);
                add.Transaction = transaction;
                add.ExecuteNonQuery();
            }
            transaction.Commit();
            return new SavedBatch(stored, notStored, reanalyzed);
        });
        _pendingIds.Clear();
        return saved;
    }

    /// <summary>The columns an insert and a refresh both write, in this order: published, language, language_config, title, body, analysis, analyzer, reference_date.</summary>
    private void AddAnalysisColumns(NpgsqlCommand command, AnalyzedArticle analyzed)
    {
        var article = analyzed.Article;
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = article.Published.Date is { } date ? date : DBNull.Value });
        command.Parameters.AddWithValue(article.Language);
        command.Parameters.AddWithValue(TextSearchConfiguration(article.Language));
        command.Parameters.AddWithValue(Searchable(article.Title ?? ""));
        command.Parameters.AddWithValue(Searchable(article.Text));
        command.Parameters.AddWithValue(AnalysisJson.Serialize(analyzed));
        command.Parameters.AddWithValue(_analyzerBuild);
        // As in SQLite: an undated report's anchor, so another build analyses it again on the same date.
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Date,
            Value = article.Published.Date is null && analyzed.ReferenceDate is { } anchoredOn ? anchoredOn : DBNull.Value,
        });
    }

    /// <summary>As in SQLite: another build's analysis is stale, unless it is of an undated report stored before its reference date was kept.</summary>
    private bool IsStale(string? analyzer, bool dated, DateOnly? anchoredOn) => (dated || anchoredOn is not null) && analyzer != _analyzerBuild;

    /// <summary>PostgreSQL text cannot hold U+0000; a report that contains one is searched without it (its analysis keeps it).</summary>
    private static string Searchable(string text) => text.Contains('\0') ? text.Replace("\0", "") : text;

    public IEnumerable<AnalyzedArticle> ReadAll()
    {
        // Its own connection, so the caller may use the store while reading.
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT analysis, reference_date FROM articles ORDER BY order_key, seq;", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var analyzed = AnalysisJson.Deserialize(reader.GetFieldValue<byte[]>(0));
            // As in SQLite: an undated report's relative dates rest on the date its row keeps, which the dossier names.
            yield return reader.IsDBNull(1) ? analyzed : analyzed.AnchoredOn(reader.GetFieldValue<DateOnly>(1));
        }
    }

    public IReadOnlyList<InputProblem> ReadProblems() => Retry(() =>
    {
        using var command = Command("SELECT location, message FROM problems ORDER BY location COLLATE \"C\";");
        using var reader = command.ExecuteReader();
        var problems = new List<InputProblem>();
        while (reader.Read()) problems.Add(new InputProblem(reader.GetString(0), reader.GetString(1)));
        return problems;
    });

    /// <summary>The content hashes among <paramref name="hashes"/> that are stored already and need no new analysis by this build.</summary>
    public IReadOnlySet<string> StoredHashes(IReadOnlyCollection<string> hashes) => Retry(() =>
    {
        using var command = Command("SELECT content_hash FROM articles WHERE content_hash = ANY($1) AND (analyzer = $2 OR published IS NULL AND reference_date IS NULL);", hashes.ToArray(), _analyzerBuild);
        using var reader = command.ExecuteReader();
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) found.Add(reader.GetString(0));
        return (IReadOnlySet<string>)found;
    });

    /// <summary>Full-text search with PostgreSQL's own parser: see <see cref="PostgresSearchIndex.Search"/>.</summary>
    public IReadOnlyList<SearchHit> Search(string query, string? language = null, int limit = 20, int offset = 0) =>
        new PostgresSearchIndex(_dataSource, _displayName).Search(query, language, limit, offset);

    /// <summary>Marks a matched word in a snippet: the same private-use characters as the SQLite search index.</summary>
    public const char HitStart = SqliteSearchIndex.HitStart;
    public const char HitEnd = SqliteSearchIndex.HitEnd;

    /// <summary>The PostgreSQL text-search configuration for a report's language (ISO 639-1); <c>simple</c> for any other.</summary>
    public static string TextSearchConfiguration(string language) => language switch
    {
        "ar" => "arabic", "hy" => "armenian", "eu" => "basque", "ca" => "catalan", "da" => "danish", "nl" => "dutch",
        "en" => "english", "fi" => "finnish", "fr" => "french", "de" => "german", "el" => "greek", "hi" => "hindi",
        "hu" => "hungarian", "id" => "indonesian", "ga" => "irish", "it" => "italian", "lt" => "lithuanian",
        "ne" => "nepali", "no" or "nb" or "nn" => "norwegian", "pt" => "portuguese", "ro" => "romanian",
        "ru" => "russian", "sr" => "serbian", "es" => "spanish", "sv" => "swedish", "ta" => "tamil",
        "tr" => "turkish", "yi" => "yiddish",
        _ => "simple",
    };

    /// <summary>Bytes on disk of the store's tables and indexes (articles and problems), for the benchmark.</summary>
    public long SizeOnDisk() => Retry(() => Convert.ToInt64(Scalar(
        "SELECT pg_total_relation_size('articles') + pg_total_relation_size('problems');"), CultureInfo.InvariantCulture));

    public int SchemaVersion => Retry(() => PostgresSchema.CurrentVersion(_connection));

    public void Dispose()
    {
        _connection.Dispose();
        if (_ownsDataSource) _dataSource.Dispose();
    }

    private T Retry<T>(Func<T> action)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                if (_connection.State != System.Data.ConnectionState.Open) Reconnect();
                return action();
            }
            catch (Exception ex) when (attempt < Attempts && IsConnectionLoss(ex))
            {
                // The transaction (if any) was rolled back with the connection: the retry starts clean.
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
                Reconnect();
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                throw new StoreException($"The PostgreSQL database {_displayName} failed: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Whether an error means the connection (not the statement) failed, so the same work may be asked again on a new one.</summary>
    internal static bool IsConnectionLoss(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        InvalidOperationException => true, // "connection is not open": broken by the loss above
        _ => false,
    };

    private void Reconnect()
    {
        try { _connection.Dispose(); } catch (NpgsqlException) { }
        _dataSource.Clear(); // the idle pooled connections were most likely dropped too
        _connection = _dataSource.OpenConnection();
    }

    private NpgsqlCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, _connection);
        foreach (var value in values) command.Parameters.AddWithValue(value);
        return command;
    }

    private void Execute(string sql, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand(sql, _connection, transaction);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection);
        return command.ExecuteScalar();
    }
}
