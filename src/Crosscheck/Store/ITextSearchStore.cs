namespace Crosscheck.Store;

/// <summary>
/// A store that searches its own reports' text. The PostgreSQL store implements it with PostgreSQL's
/// full-text search (tsvector columns with GIN indexes, <c>ts_rank_cd</c>, <c>ts_headline</c>); its shape
/// follows the SQLite FTS5 index of the web app (words all required, "quoted phrase", prefix*, snippet
/// with the matched words between U+E000 and U+E001, higher score is better).
/// </summary>
public interface ITextSearchStore
{
    /// <param name="language">Null: every report, words as written (the <c>simple</c> configuration).
    /// An ISO 639-1 code: the reports in that language, with its stemming configuration.</param>
    IReadOnlyList<TextSearchHit> Search(string query, string? language = null, int limit = 20, int offset = 0);
}

/// <param name="Snippet">Text around the match; matched words sit between U+E000 and U+E001. Not escaped.</param>
/// <param name="Score">Relevance, higher is better; a title hit weighs more than a body hit.</param>
public sealed record TextSearchHit(string ArticleId, string Title, string Snippet, double Score);
