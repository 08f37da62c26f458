namespace Crosscheck.Store;

/// <summary>
/// Full-text search over the stored reports, as `crosscheck serve` uses it: words all required,
/// "quoted phrase", prefix*, nothing a user types makes it fail; a <see cref="SearchHit"/> per report,
/// best first, with the matched words of its snippet between <see cref="SqliteSearchIndex.HitStart"/>
/// and <see cref="SqliteSearchIndex.HitEnd"/>. SQLite keeps an FTS5 table beside the articles
/// (<see cref="SqliteSearchIndex"/>); PostgreSQL searches the articles table's own tsvector columns
/// (<see cref="PostgresSearchIndex"/>).
/// </summary>
/// <remarks>Thread-safe: a web server calls it from many requests at once.</remarks>
public interface ISearchIndex
{
    /// <summary>
    /// Brings the index in line with the stored reports (their text from <paramref name="documents"/>,
    /// looked up by id), where the index is kept apart from them; a no-op where it is part of them.
    /// </summary>
    /// <returns>How many entries were added and removed.</returns>
    (int Added, int Removed) Sync(Func<string, SearchDocument?> documents);

    /// <param name="language">Null: every report, words as written. An ISO 639-1 code: only the reports
    /// in that language, with that language's stemming where the backend has it (PostgreSQL).</param>
    IReadOnlyList<SearchHit> Search(string query, string? language = null, int limit = 20, int offset = 0);
}
