using Microsoft.Data.Sqlite;

namespace Crosscheck.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, one transaction per batch, so a killed
/// process leaves every committed batch intact and a rerun completes the rest.
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    // 2: analyses are stored packed (AnalysisBlob); version-1 rows, plain JSON, are still read.
    // 3: each row names the build that analysed it (AnalyzerBuild); older rows name none, so they are stale.
    internal const int SchemaVersion = 4;
    private readonly SqliteConnection _connection;
    private readonly string _analyzerBuild;
    private readonly HashSet<string> _pendingIds = new(StringComparer.Ordinal);

    private SqliteArticleStore(SqliteConnection connection, string analyzerBuild)
    {
        _connection = connection;
        _analyzerBuild = analyzerBuild;
    }

    /// <summary>Opens or creates the database; another process writing the same file is waited for (busy timeout).</summary>
    /// <exception cref="StoreException">The file is not a Crosscheck database, is newer than this build, or cannot be opened.</exception>
    public static SqliteArticleStore Open(string path, TimeSpan? busyTimeout = null) => Open(path, busyTimeout, AnalyzerBuild.Current);

    /// <param name="analyzerBuild">The build whose analyses count as current: another one's are analysed again.</param>
    internal static SqliteArticleStore Open(string path, TimeSpan? busyTimeout, string analyzerBuild)
    {
        var full = Path.GetFullPath(path);
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(60);
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)timeout.TotalSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds};");
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            Migrate(connection, full);
            return new SqliteArticleStore(connection, analyzerBuild);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StoreException($"Cannot open the database '{full}': {ex.Message}. Is it a Crosscheck database, and is the folder writable?", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"));
        if (version > SchemaVersion)
        {
            throw new StoreException($"The database '{path}' has schema version {version}, newer than this build understands ({SchemaVersion}). Upgrade Crosscheck.");
        }
        if (version == SchemaVersion) return;
        // Immediate, and the version read again inside it: two runs opening one old file migrate it once.
        using var transaction = connection.BeginTransaction(deferred: false);
        version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;", transaction));
        if (version == SchemaVersion) return;
        if (version is 1 or 2) Execute(connection, "ALTER TABLE articles ADD COLUMN analyzer TEXT;", transaction);
        if (version is 1 or 2 or 3) Execute(connection, "ALTER TABLE articles ADD COLUMN reference_date TEXT;", transaction);
        Execute(connection, $"""
            CREATE TABLE IF NOT EXISTS articles (
                seq          INTEGER PRIMARY KEY AUTOINCREMENT,
                id           TEXT NOT NULL UNIQUE,
                content_hash TEXT NOT NULL UNIQUE,
                location     TEXT NOT NULL,
                published    TEXT,
                analysis     BLOB NOT NULL,
                analyzer     TEXT,
                -- An undated report's relative dates rest on this date (the run's fallback); another build analyses it again on the same date.
                reference_date TEXT
            );
            CREATE INDEX IF NOT EXISTS articles_location ON articles(location);
            CREATE TABLE IF NOT EXISTS problems (
                location TEXT PRIMARY KEY,
                message  TEXT NOT NULL
            );
            PRAGMA user_version = {SchemaVersion};
            """, transaction);
        transaction.Commit();
    }

    public int ArticleCount => Convert.ToInt32(Scalar(_connection, "SELECT COUNT(*) FROM articles;"));

    public IdDecision DecideId(string proposedId, string location, string contentHash)
    {
        using (var byHash = Command("SELECT id, location, analyzer, published, reference_date FROM articles WHERE content_hash = $hash;"))
        {
            byHash.Parameters.AddWithValue("$hash", contentHash);
            using var found = byHash.ExecuteReader();
            if (found.Read())
            {
                var anchoredOn = found.IsDBNull(4) ? (DateOnly?)null : ParseDate(found.GetString(4));
                bool stale = IsStale(found.IsDBNull(2) ? null : found.GetString(2), dated: !found.IsDBNull(3), anchoredOn);
                return stale
                    ? new IdDecision(false, found.GetString(0), false, found.GetString(1), Reanalyzes: true, ReanalyzeOn: found.IsDBNull(3) ? anchoredOn : null)
                    : new IdDecision(true, found.GetString(0), false, found.GetString(1));
            }
        }
        // An edited file replaces its earlier analysis. A record of a JSON Lines or JSON array file
        // never does: its line or index shifts when the feed grows, so a new record at an old
        // position is a new report, and the old one (now elsewhere in the file) must stay.
        if (!IsRecordLocation(location))
        {
            using var byLocation = Command("SELECT id FROM articles WHERE location = $location;");
            byLocation.Parameters.AddWithValue("$location", location);
            if (byLocation.ExecuteScalar() is string edited)
            {
                _pendingIds.Add(edited);
                return new IdDecision(false, edited, true);
            }
        }
        var id = proposedId;
        for (int attempt = 2; IdTaken(id); attempt++)
        {
            // Two different files with the same name: keep both, and keep the second's id stable across runs.
            id = $"{proposedId}~{contentHash[..Math.Min(8, contentHash.Length)]}" + (attempt > 2 ? $"-{attempt}" : "");
        }
        _pendingIds.Add(id);
        return new IdDecision(false, id, false);
    }

    /// <summary>"feed.jsonl:12" or "items.json[3]": one record of a multi-record file.</summary>
    internal static bool IsRecordLocation(string location)
    {
        if (location.EndsWith(']')) return location.LastIndexOf('[') > 0;
        int colon = location.LastIndexOf(':');
        return colon > 0 && colon < location.Length - 1 && location.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private bool IdTaken(string id)
    {
        if (_pendingIds.Contains(id)) return true;
        using var command = Command("SELECT 1 FROM articles WHERE id = $id;");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is not null;
    }

    public SavedBatch SaveBatch(IReadOnlyList<AnalyzedArticle> analyses, IReadOnlyList<InputProblem> problems)
    {
        var stored = new List<AnalyzedArticle>(analyses.Count);
        var notStored = new List<NotStoredReport>();
        int reanalyzed = 0;
        // Immediate: the write lock is taken now, so what this transaction reads no other run changes before it commits.
        using var transaction = _connection.BeginTransaction(deferred: false);
        using var delete = Command("DELETE FROM articles WHERE location = $location AND $wholeFile;", transaction);
        var deleteWholeFile = delete.Parameters.Add("$wholeFile", SqliteType.Integer);
        var deleteLocation = delete.Parameters.Add("$location", SqliteType.Text);
        using var known = Command("SELECT id, analyzer, location, published, reference_date FROM articles WHERE content_hash = $hash;", transaction);
        var knownHash = known.Parameters.Add("$hash", SqliteType.Text);
        using var refresh = Command("UPDATE articles SET analysis = $analysis, analyzer = $analyzer, published = $published, reference_date = $reference WHERE content_hash = $hash;", transaction);
        var refreshHash = refresh.Parameters.Add("$hash", SqliteType.Text);
        var refreshPublished = refresh.Parameters.Add("$published", SqliteType.Text);
        var refreshReference = refresh.Parameters.Add("$reference", SqliteType.Text);
        var refreshAnalysis = refresh.Parameters.Add("$analysis", SqliteType.Blob);
        refresh.Parameters.AddWithValue("$analyzer", _analyzerBuild);
        using var taken = Command("SELECT 1 FROM articles WHERE id = $id;", transaction);
        var takenId = taken.Parameters.Add("$id", SqliteType.Text);
        using var insert = Command("""
            INSERT INTO articles (id, content_hash, location, published, analysis, analyzer, reference_date)
            VALUES ($id, $hash, $location, $published, $analysis, $analyzer, $reference)
            ON CONFLICT(content_hash) DO NOTHING;
            """, transaction);
        insert.Parameters.AddWithValue("$analyzer", _analyzerBuild);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var hash = insert.Parameters.Add("$hash", SqliteType.Text);
        var location = insert.Parameters.Add("$location", SqliteType.Text);
        var published = insert.Parameters.Add("$published", SqliteType.Text);
        var reference = insert.Parameters.Add("$reference", SqliteType.Text);
        var analysis = insert.Parameters.Add("$analysis", SqliteType.Blob);
        using var clearProblem = Command("DELETE FROM problems WHERE location = $location;", transaction);
        var clearLocation = clearProblem.Parameters.Add("$location", SqliteType.Text);
        foreach (var analyzed in analyses)
        {
            var article = analyzed.Article;
            var where = article.SourcePath ?? article.Id;
            // Another `analyze` on the same file may have stored this report, or taken this id, since DecideId:
            // the report is then stored once, and never in place of the other run's report.
            knownHash.Value = article.ContentHash;
            string? storedBefore = null, storedLocation = null;
            bool storedStale = false;
            using (var found = known.ExecuteReader())
            {
                if (found.Read())
                {
                    storedBefore = found.GetString(0);
                    storedStale = IsStale(found.IsDBNull(1) ? null : found.GetString(1), dated: !found.IsDBNull(3),
                        found.IsDBNull(4) ? null : ParseDate(found.GetString(4)));
                    storedLocation = found.GetString(2);
                }
            }
            if (storedBefore is not null && storedStale)
            {
                // Analysed by another build: the new analysis takes the row's place, keeping its id, location and order.
                var refreshed = storedBefore == article.Id && storedLocation == where
                    ? analyzed
                    : analyzed.WithArticle(article with { Id = storedBefore, SourcePath = storedLocation });
                refreshHash.Value = article.ContentHash;
                refreshPublished.Value = PublishedColumn(article);
                refreshReference.Value = ReferenceDateColumn(analyzed);
                refreshAnalysis.Value = AnalysisBlob.Pack(refreshed);
                refresh.ExecuteNonQuery();
                stored.Add(refreshed);
                reanalyzed++;
                clearLocation.Value = where;
                clearProblem.ExecuteNonQuery();
                continue;
            }
            if (storedBefore is not null)
            {
                notStored.Add(new NotStoredReport(analyzed, storedBefore, $"same content as '{storedBefore}', stored meanwhile: stored once"));
                continue;
            }
            deleteLocation.Value = where;
            deleteWholeFile.Value = IsRecordLocation(where) ? 0 : 1;
            delete.ExecuteNonQuery();
            var storedId = article.Id;
            for (int attempt = 2; IsTaken(storedId); attempt++)
            {
                storedId = $"{article.Id}~{article.ContentHash[..Math.Min(8, article.ContentHash.Length)]}" + (attempt > 2 ? $"-{attempt}" : "");
            }
            id.Value = storedId;
            hash.Value = article.ContentHash;
            location.Value = where;
            published.Value = PublishedColumn(article);
            reference.Value = ReferenceDateColumn(analyzed);
            var toStore = storedId == article.Id ? analyzed : analyzed.WithArticle(article with { Id = storedId });
            analysis.Value = AnalysisBlob.Pack(toStore);
            insert.ExecuteNonQuery();
            stored.Add(toStore);
            clearLocation.Value = where;
            clearProblem.ExecuteNonQuery();
        }

        bool IsTaken(string candidate)
        {
            takenId.Value = candidate;
            return taken.ExecuteScalar() is not null;
        }

        using var addProblem = Command("INSERT INTO problems (location, message) VALUES ($location, $message) ON CONFLICT(location) DO UPDATE SET message = excluded.message;", transaction);
        var problemLocation = addProblem.Parameters.Add("$location", SqliteType.Text);
        var problemMessage = addProblem.Parameters.Add("$message", SqliteType.Text);
        foreach (var problem in problems)
        {
            problemLocation.Value = problem.Location;
            problemMessage.Value = problem.Message;
            addProblem.ExecuteNonQuery();
        }
        transaction.Commit();
        _pendingIds.Clear();
        return new SavedBatch(stored, notStored, reanalyzed);
    }

    /// <summary>
    /// Another build's analysis is analysed again: a dated report on its own date, an undated one on the reference date
    /// its row keeps. An undated row stored before schema 4 names no reference date, so it keeps its analysis.
    /// </summary>
    private bool IsStale(string? analyzer, bool dated, DateOnly? anchoredOn) => (dated || anchoredOn is not null) && analyzer != _analyzerBuild;

    private static object PublishedColumn(Article article) =>
        (object?)article.Published.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value;

    /// <summary>The date an undated report was anchored on; null for a dated report, whose own date is its anchor.</summary>
    private static object ReferenceDateColumn(AnalyzedArticle analyzed) =>
        analyzed.Article.Published.Date is null && analyzed.ReferenceDate is { } date
            ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : DBNull.Value;

    private static DateOnly? ParseDate(string column) =>
        DateOnly.TryParseExact(column, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    public IEnumerable<AnalyzedArticle> ReadAll()
    {
        using var command = Command("SELECT analysis, reference_date FROM articles ORDER BY seq;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var analyzed = AnalysisBlob.Unpack((byte[])reader.GetValue(0));
            // An undated report's relative dates rest on the date its row keeps, which the dossier names.
            yield return !reader.IsDBNull(1) && ParseDate(reader.GetString(1)) is { } anchoredOn ? analyzed.AnchoredOn(anchoredOn) : analyzed;
        }
    }

    public IReadOnlyList<InputProblem> ReadProblems()
    {
        using var command = Command("SELECT location, message FROM problems ORDER BY location;");
        using var reader = command.ExecuteReader();
        var problems = new List<InputProblem>();
        while (reader.Read()) problems.Add(new InputProblem(reader.GetString(0), reader.GetString(1)));
        return problems;
    }

    /// <summary>SQLite's own consistency check; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => Convert.ToString(Scalar(_connection, "PRAGMA integrity_check;")) ?? "";

    public void Dispose()
    {
        _connection.Dispose();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }
}

/// <summary>The store cannot be used as asked; the message says what to do.</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);
