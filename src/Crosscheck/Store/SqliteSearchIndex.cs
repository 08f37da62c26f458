using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Store;

/// <summary>
/// Full-text search over the stored reports: an SQLite FTS5 table beside the articles, ranked by
/// BM25 (a title hit weighs more than a body hit) with a snippet around the matched words. The
/// table is derived data: <see cref="Sync"/> brings it in line with the articles table, so reports
/// stored by `crosscheck analyze` become searchable the next time a server syncs.
/// </summary>
/// <remarks>Thread-safe: every call opens its own (pooled) connection.</remarks>
public sealed partial class SqliteSearchIndex
{
    /// <summary>Marks the start and end of a matched word in a snippet; private-use characters never met in news text.</summary>
    public const char HitStart = '\uE000';
    public const char HitEnd = '\uE001';

    private readonly string _connectionString;

    public SqliteSearchIndex(string databasePath)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE VIRTUAL TABLE IF NOT EXISTS search_articles USING fts5(
                article_id UNINDEXED, content_hash UNINDEXED, title, body,
                tokenize = 'unicode61 remove_diacritics 2');
            """;
        create.ExecuteNonQuery();
    }

    /// <summary>
    /// Makes the index hold exactly the stored reports: drops entries whose report is gone or
    /// changed, adds the missing ones (their text from <paramref name="documents"/>, looked up by id).
    /// </summary>
    /// <returns>How many entries were added and removed.</returns>
    public (int Added, int Removed) Sync(Func<string, SearchDocument?> documents)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var read = Command(connection, transaction, "SELECT id, content_hash FROM articles;"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read()) stored[reader.GetString(0)] = reader.GetString(1);
        }
        var indexed = new Dictionary<string, (long RowId, string Hash)>(StringComparer.Ordinal);
        using (var read = Command(connection, transaction, "SELECT rowid, article_id, content_hash FROM search_articles;"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read()) indexed[reader.GetString(1)] = (reader.GetInt64(0), reader.GetString(2));
        }
        int removed = 0, added = 0;
        using (var delete = Command(connection, transaction, "DELETE FROM search_articles WHERE rowid = $rowid;"))
        {
            var rowId = delete.Parameters.Add("$rowid", SqliteType.Integer);
            foreach (var (id, entry) in indexed)
            {
                if (stored.TryGetValue(id, out var hash) && hash == entry.Hash) continue;
                rowId.Value = entry.RowId;
                delete.ExecuteNonQuery();
                removed++;
            }
        }
        using (var insert = Command(connection, transaction, "INSERT INTO search_articles (article_id, content_hash, title, body) VALUES ($id, $hash, $title, $body);"))
        {
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var hash = insert.Parameters.Add("$hash", SqliteType.Text);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            foreach (var (articleId, contentHash) in stored)
            {
                if (indexed.TryGetValue(articleId, out var entry) && entry.Hash == contentHash) continue;
                if (documents(articleId) is not { } document) continue;
                id.Value = articleId;
                hash.Value = contentHash;
                title.Value = document.Title ?? "";
                body.Value = document.Body;
                insert.ExecuteNonQuery();
                added++;
            }
        }
        transaction.Commit();
        return (added, removed);
    }

    /// <summary>
    /// The best-matching reports for what a user typed. Words are matched as words (all of them,
    /// any order), a quoted part as a phrase, a trailing * as a prefix; FTS5 operators and
    /// punctuation in the input are never interpreted, so no query can fail.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20, int offset = 0)
    {
        var match = ToMatchExpression(query);
        if (match is null) return [];
        using var connection = Open();
        using var command = Command(connection, null, """
            SELECT article_id, title,
                   snippet(search_articles, 3, $start, $end, '…', 16),
                   bm25(search_articles, 0.0, 0.0, 4.0, 1.0) AS rank
            FROM search_articles WHERE search_articles MATCH $match
            ORDER BY rank LIMIT $limit OFFSET $offset;
            """);
        command.Parameters.AddWithValue("$start", HitStart.ToString());
        command.Parameters.AddWithValue("$end", HitEnd.ToString());
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 200));
        command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
        using var reader = command.ExecuteReader();
        var hits = new List<SearchHit>();
        while (reader.Read())
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), -reader.GetDouble(3)));
        }
        return hits;
    }

    /// <summary>The FTS5 expression for a user's query, or null when it holds no word to look for.</summary>
    public static string? ToMatchExpression(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var parts = new List<string>();
        foreach (Match piece in QueryPiece().Matches(query))
        {
            if (piece.Groups["phrase"].Success)
            {
                var words = Words().Matches(piece.Groups["phrase"].Value).Select(w => w.Value).ToList();
                if (words.Count > 0) parts.Add('"' + string.Join(' ', words) + '"');
            }
            else
            {
                var words = Words().Matches(piece.Groups["word"].Value).Select(w => w.Value).ToList();
                for (var i = 0; i < words.Count; i++)
                {
                    var prefix = i == words.Count - 1 && piece.Groups["word"].Value.EndsWith('*');
                    parts.Add('"' + words[i] + '"' + (prefix ? "*" : ""));
                }
            }
            if (parts.Count >= 32) break; // a pasted paragraph is not a query
        }
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"?|(?<word>[^\\s\"]+)")]
    private static partial Regex QueryPiece();

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Words();
}

/// <summary>The text a report is searched by.</summary>
public sealed record SearchDocument(string? Title, string Body);

/// <param name="Snippet">Text around the match; matched words sit between <see cref="SqliteSearchIndex.HitStart"/> and <see cref="SqliteSearchIndex.HitEnd"/>. Not escaped.</param>
/// <param name="Score">BM25 relevance, higher is better.</param>
public sealed record SearchHit(string ArticleId, string Title, string Snippet, double Score);
