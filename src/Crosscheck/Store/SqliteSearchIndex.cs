using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Store;

/// <summary>
/// Full-text search over the stored reports: an SQLite FTS5 table beside the articles, ranked by
/// BM25 (a title hit weighs more than a body hit) with a snippet around the matched words. The
/// table is derived data: <see cref="Sync"/> brings it in line with the articles table, so reports
/// stored by `crosscheck analyze` become searchable the next time a server syncs. A language
/// narrows the search to the reports in that language; FTS5 has no stemming per language, so words
/// match as written in every language (PostgreSQL stems: <see cref="PostgresSearchIndex"/>).
/// </summary>
/// <remarks>Thread-safe: every call opens its own (pooled) connection.</remarks>
public sealed partial class SqliteSearchIndex : ISearchIndex
{
    /// <summary>Marks the start and end of a matched word in a snippet; private-use characters never met in news text.</summary>
    public const char HitStart = '\uE000';
    public const char HitEnd = '\uE001';

    private readonly string _connectionString;

    public SqliteSearchIndex(string databasePath)
    {
        _connectionString = SqliteConnections.For(databasePath);
        using var connection = Open();
        using (var columns = connection.CreateCommand())
        {
            // An index made before reports kept their language is derived data: dropped, and refilled by the next Sync.
            columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('search_articles') WHERE name = 'language';";
            if (Convert.ToInt64(columns.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                columns.CommandText = "DROP TABLE IF EXISTS search_articles;";
                columns.ExecuteNonQuery();
            }
        }
        using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE VIRTUAL TABLE IF NOT EXISTS search_articles USING fts5(
                article_id UNINDEXED, content_hash UNINDEXED, language UNINDEXED, title, body,
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
        using (var insert = Command(connection, transaction, "INSERT INTO search_articles (article_id, content_hash, language, title, body) VALUES ($id, $hash, $language, $title, $body);"))
        {
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var hash = insert.Parameters.Add("$hash", SqliteType.Text);
            var language = insert.Parameters.Add("$language", SqliteType.Text);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            foreach (var (articleId, contentHash) in stored)
            {
                if (indexed.TryGetValue(articleId, out var entry) && entry.Hash == contentHash) continue;
                if (documents(articleId) is not { } document) continue;
                id.Value = articleId;
                hash.Value = contentHash;
                language.Value = document.Language ?? "";
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
    public IReadOnlyList<SearchHit> Search(string query, string? language = null, int limit = 20, int offset = 0)
    {
        var match = ToMatchExpression(query);
        if (match is null) return [];
        using var connection = Open();
        // Ranking reads only the index; the stored text is read afterwards for the page of hits
        // alone. Reading title and snippet inside the ranking query costs them for every match,
        // which doubles the time of a query that matches most reports.
        var ranked = new List<(long RowId, double Score)>();
        using (var rank = Command(connection, null, """
            SELECT rowid, bm25(search_articles, 0.0, 0.0, 0.0, 4.0, 1.0) AS score
            FROM search_articles WHERE search_articles MATCH $match AND ($language IS NULL OR language = $language)
            ORDER BY score LIMIT $limit OFFSET $offset;
            """))
        {
            rank.Parameters.AddWithValue("$match", match);
            rank.Parameters.AddWithValue("$language", (object?)language ?? DBNull.Value);
            rank.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 200));
            rank.Parameters.AddWithValue("$offset", Math.Max(0, offset));
            using var reader = rank.ExecuteReader();
            while (reader.Read()) ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }
        if (ranked.Count == 0) return [];
        var terms = SearchTerms(query);
        var hits = new List<SearchHit>(ranked.Count);
        using var fetch = Command(connection, null, "SELECT article_id, title, body FROM search_articles WHERE rowid = $rowid;");
        var rowId = fetch.Parameters.Add("$rowid", SqliteType.Integer);
        foreach (var (id, score) in ranked)
        {
            rowId.Value = id;
            using var reader = fetch.ExecuteReader();
            if (!reader.Read()) continue;
            var title = reader.GetString(1);
            var body = reader.GetString(2);
            hits.Add(new SearchHit(reader.GetString(0), title, Snippet(body, terms), -score));
        }
        return hits;
    }

    /// <summary>The words of a query as the index compares them (case and diacritics folded); a trailing * marks a prefix.</summary>
    private static List<(string Word, bool Prefix)> SearchTerms(string query)
    {
        var terms = new List<(string, bool)>();
        foreach (Match piece in QueryPiece().Matches(query))
        {
            var text = piece.Groups["phrase"].Success ? piece.Groups["phrase"].Value : piece.Groups["word"].Value;
            var words = Words().Matches(text).Select(w => Fold(w.Value)).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                terms.Add((words[i], !piece.Groups["phrase"].Success && i == words.Count - 1 && text.EndsWith('*')));
            }
        }
        return terms;
    }

    /// <summary>
    /// About <see cref="SnippetWords"/> words of <paramref name="body"/> around its first stretch
    /// with the most query words, each matched word between <see cref="HitStart"/> and <see cref="HitEnd"/>.
    /// </summary>
    internal static string Snippet(string body, IReadOnlyList<(string Word, bool Prefix)> terms)
    {
        var tokens = Words().Matches(body);
        if (tokens.Count == 0) return "";
        var matched = new bool[tokens.Count];
        var termOf = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var folded = Fold(tokens[i].Value);
            termOf[i] = -1;
            for (var t = 0; t < terms.Count; t++)
            {
                if (terms[t].Prefix ? folded.StartsWith(terms[t].Word, StringComparison.Ordinal) : folded == terms[t].Word)
                {
                    matched[i] = true;
                    termOf[i] = t;
                    break;
                }
            }
        }
        // The window with the most different query words; the earliest such window wins.
        int bestStart = 0, bestScore = -1;
        for (var start = 0; start < tokens.Count; start++)
        {
            if (!matched[start] && start != 0) continue;
            var seen = new HashSet<int>();
            for (var i = start; i < Math.Min(tokens.Count, start + SnippetWords); i++) if (termOf[i] >= 0) seen.Add(termOf[i]);
            if (seen.Count > bestScore)
            {
                bestScore = seen.Count;
                bestStart = start;
            }
        }
        // Some context before the first match, as FTS5's snippet() gives.
        var first = Math.Max(0, Math.Min(bestStart - 3, tokens.Count - SnippetWords));
        var last = Math.Min(tokens.Count, first + SnippetWords) - 1;
        var builder = new StringBuilder();
        if (first > 0) builder.Append('…');
        var position = tokens[first].Index;
        for (var i = first; i <= last; i++)
        {
            builder.Append(body, position, tokens[i].Index - position);
            if (matched[i]) builder.Append(HitStart).Append(tokens[i].Value).Append(HitEnd);
            else builder.Append(tokens[i].Value);
            position = tokens[i].Index + tokens[i].Length;
        }
        if (last < tokens.Count - 1) builder.Append('…');
        return builder.ToString().Replace('\n', ' ');
    }

    private const int SnippetWords = 16;

    /// <summary>Lower case without diacritics: how the unicode61 tokenizer with remove_diacritics compares words.</summary>
    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString();
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

    private SqliteConnection Open() => SqliteConnections.Open(_connectionString);

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
/// <param name="Language">ISO 639-1 code of the report's language, for a search narrowed to one.</param>
public sealed record SearchDocument(string? Title, string Body, string? Language = null);

/// <param name="Snippet">Text around the match; matched words sit between <see cref="SqliteSearchIndex.HitStart"/> and <see cref="SqliteSearchIndex.HitEnd"/>. Not escaped.</param>
/// <param name="Score">Relevance, higher is better: BM25 in SQLite, ts_rank_cd in PostgreSQL (not comparable across the two).</param>
public sealed record SearchHit(string ArticleId, string Title, string Snippet, double Score);
