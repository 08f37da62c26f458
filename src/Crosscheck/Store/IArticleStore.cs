namespace Crosscheck.Store;

/// <summary>
/// Where analysed reports live between runs, so a second run adds to the same dossier. SQLite is
/// the embedded default; a shared server backend implements the same contract.
/// </summary>
/// <remarks>Not thread-safe: one instance per process or worker; the database arbitrates between processes.</remarks>
public interface IArticleStore : IDisposable
{
    /// <summary>Says whether this exact content was analysed before by this build, and which id a new report gets.</summary>
    IdDecision DecideId(string proposedId, string location, string contentHash);

    /// <summary>Stores a batch atomically: after a crash either the whole batch is there or none of it.</summary>
    /// <returns>What was really stored, under which ids, and what was not: another run may have stored the same content or taken an id since <see cref="DecideId"/>.</returns>
    SavedBatch SaveBatch(IReadOnlyList<AnalyzedArticle> analyses, IReadOnlyList<InputProblem> problems);

    /// <summary>Every stored analysis, in the order they were first stored; streamed, not loaded at once.</summary>
    IEnumerable<AnalyzedArticle> ReadAll();

    IReadOnlyList<InputProblem> ReadProblems();

    int ArticleCount { get; }
}

/// <param name="AlreadyStored">The same content (by hash) is stored: skip it.</param>
/// <param name="Id">The id to give the report: the proposed one, or a disambiguated one when another file already owns it.</param>
/// <param name="Replaces">True when the same location had different content before (an edited file).</param>
/// <param name="StoredLocation">Where the stored copy was read from, when <paramref name="AlreadyStored"/> or <paramref name="Reanalyzes"/>.</param>
/// <param name="Reanalyzes">The same content is stored, analysed by another build of Crosscheck (<see cref="AnalyzerBuild"/>): analyse it again, under its stored id.</param>
/// <param name="ReanalyzeOn">For an undated report analysed again: the reference date its stored analysis was anchored on, to anchor the new one alike.</param>
public readonly record struct IdDecision(bool AlreadyStored, string Id, bool Replaces, string? StoredLocation = null, bool Reanalyzes = false, DateOnly? ReanalyzeOn = null);

/// <param name="Stored">The reports stored, each with the id it was stored under (which may differ from the one it was given).</param>
/// <param name="NotStored">The reports left out, each with why.</param>
/// <param name="Reanalyzed">How many of <paramref name="Stored"/> took the place of another build's analysis of the same content.</param>
public sealed record SavedBatch(IReadOnlyList<AnalyzedArticle> Stored, IReadOnlyList<NotStoredReport> NotStored, int Reanalyzed = 0)
{
    public static SavedBatch Empty { get; } = new([], []);
}

/// <param name="StoredId">The id of the stored report with the same content, when that is why it was left out.</param>
/// <param name="Reason">Why it was left out, for the user.</param>
public sealed record NotStoredReport(AnalyzedArticle Report, string? StoredId, string Reason);

/// <summary>An input that could not be read or analysed, with the message the user saw.</summary>
public sealed record InputProblem(string Location, string Message);
