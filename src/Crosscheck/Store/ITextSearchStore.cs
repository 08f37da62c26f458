namespace Crosscheck.Store;

/// <summary>
/// A store that searches its own reports' text. The PostgreSQL store implements it with PostgreSQL's
/// full-text search (tsvector columns with GIN indexes, <c>ts_rank_cd</c>, <c>ts_headline</c>); its
/// results have the shape of the web app's SQLite index (<see cref="SqliteSearchIndex"/>): words all
/// required, "quoted phrase", prefix*, a <see cref="SearchHit"/> per report with the matched words
/// between <see cref="SqliteSearchIndex.HitStart"/> and <see cref="SqliteSearchIndex.HitEnd"/>, higher
/// score better.
/// </summary>
public interface ITextSearchStore
{
    /// <param name="language">Null: every report, words as written (the <c>simple</c> configuration).
    /// An ISO 639-1 code: the reports in that language, with its stemming configuration.</param>
    IReadOnlyList<SearchHit> Search(string query, string? language = null, int limit = 20, int offset = 0);
}
