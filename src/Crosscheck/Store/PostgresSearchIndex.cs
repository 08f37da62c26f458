using System.Text.RegularExpressions;
using Npgsql;

namespace Crosscheck.Store;

/// <summary>
/// Full-text search over a PostgreSQL store's articles: their own tsvector columns (one with the
/// <c>simple</c> configuration, one with the report's language configuration), with GIN indexes kept
/// by PostgreSQL as reports are stored, so there is nothing to sync. Results are
/// <see cref="SqliteSearchIndex"/>'s kind (a test runs both on one corpus and compares the reports
/// found); ranking (ts_rank_cd against BM25), snippet length and accent folding differ.
/// </summary>
/// <remarks>Thread-safe: every call takes its own pooled connection from the data source.</remarks>
public sealed partial class PostgresSearchIndex(NpgsqlDataSource dataSource, string displayName) : ISearchIndex
{
    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly string _displayName = displayName;

    /// <summary>The tsvector columns are generated with every row: always in line with the articles.</summary>
    public (int Added, int Removed) Sync(Func<string, SearchDocument?> documents) => (0, 0);

    /// <summary>
    /// Full-text search with PostgreSQL's own parser. Without <paramref name="language"/> every report is
    /// searched with the <c>simple</c> configuration (words as written, no stemming); with a language code
    /// ("en", "de", ...) the reports in that language are searched with its stemming configuration, so
    /// "flooding" finds "floods". Words must all occur, a quoted part is a phrase, a trailing * a prefix;
    /// nothing the user types can make the query fail.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, string? language = null, int limit = 20, int offset = 0)
    {
        var pieces = QueryPieces(query);
        if (pieces.Count == 0) return [];
        var configuration = language is null ? "simple" : PostgresArticleStore.TextSearchConfiguration(language);
        var column = language is null ? "search_simple" : "search_language";
        var parts = new List<string>();
        var values = new List<object> { configuration };
        foreach (var (kind, text) in pieces)
        {
            values.Add(kind == QueryPieceKind.Prefix ? text + ":*" : text);
            var function = kind switch { QueryPieceKind.Phrase => "phraseto_tsquery", QueryPieceKind.Prefix => "to_tsquery", _ => "plainto_tsquery" };
            parts.Add($"{function}($1::regconfig, ${values.Count})");
        }
        values.Add(Math.Clamp(limit, 1, 200));
        int limitParameter = values.Count;
        values.Add(Math.Max(0, offset));
        int offsetParameter = values.Count;
        var languageFilter = "";
        if (language is not null)
        {
            // The report's own language, not its configuration: languages without one all share `simple`.
            values.Add(language);
            languageFilter = $"AND a.language = ${values.Count}";
        }
        var sql = $"""
            WITH q AS (SELECT {string.Join(" && ", parts)} AS query),
            ranked AS (
                SELECT a.seq, ts_rank_cd(a.{column}, q.query) AS rank
                FROM articles a, q
                WHERE a.{column} @@ q.query {languageFilter}
                ORDER BY rank DESC, a.order_key
                LIMIT ${limitParameter} OFFSET ${offsetParameter})
            SELECT a.id, a.title,
                   ts_headline($1::regconfig, a.body, q.query,
                       'StartSel={HitStart}, StopSel={HitEnd}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "'),
                   ranked.rank
            FROM ranked JOIN articles a ON a.seq = ranked.seq, q
            ORDER BY ranked.rank DESC, a.order_key;
            """;
        return PostgresCalls.Run(_dataSource, $"Searching the PostgreSQL database {_displayName} failed", connection =>
        {
            using var command = new NpgsqlCommand(sql, connection);
            foreach (var value in values) command.Parameters.AddWithValue(value);
            using var reader = command.ExecuteReader();
            var hits = new List<SearchHit>();
            while (reader.Read()) hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFloat(3)));
            return hits;
        });
    }

    private const char HitStart = SqliteSearchIndex.HitStart;
    private const char HitEnd = SqliteSearchIndex.HitEnd;

    private enum QueryPieceKind { Word, Phrase, Prefix }

    private static List<(QueryPieceKind Kind, string Text)> QueryPieces(string? query)
    {
        var pieces = new List<(QueryPieceKind, string)>();
        if (string.IsNullOrWhiteSpace(query)) return pieces;
        foreach (Match piece in QueryPiece().Matches(query))
        {
            if (piece.Groups["phrase"].Success)
            {
                var words = Words().Matches(piece.Groups["phrase"].Value).Select(w => w.Value).ToList();
                if (words.Count > 0) pieces.Add((QueryPieceKind.Phrase, string.Join(' ', words)));
            }
            else
            {
                var words = Words().Matches(piece.Groups["word"].Value).Select(w => w.Value).ToList();
                for (int i = 0; i < words.Count; i++)
                {
                    bool prefix = i == words.Count - 1 && piece.Groups["word"].Value.EndsWith('*');
                    pieces.Add((prefix ? QueryPieceKind.Prefix : QueryPieceKind.Word, words[i]));
                }
            }
            if (pieces.Count >= 32) break; // a pasted paragraph is not a query
        }
        return pieces;
    }

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"?|(?<word>[^\\s\"]+)")]
    private static partial Regex QueryPiece();

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Words();
}
