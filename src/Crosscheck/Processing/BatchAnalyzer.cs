using Crosscheck.Ingest;
using Crosscheck.Store;

namespace Crosscheck.Processing;

/// <summary>
/// Runs the per-report half of the work: read -> skip known content -> clean -> analyse -> store,
/// in batches analysed in parallel and stored one transaction each. Memory stays flat in the number
/// of reports: only one batch is held at a time.
/// </summary>
public sealed class BatchAnalyzer
{
    private readonly Pipeline _pipeline;
    private readonly Func<RawArticle, Article> _prepare;
    private readonly IArticleStore _store;
    private readonly AnalysisContext _context;
    private readonly int _batchSize;
    private readonly int _parallelism;

    /// <param name="prepare">Turns a raw report into a cleaned article (cleaning, provenance, language).</param>
    public BatchAnalyzer(Pipeline pipeline, Func<RawArticle, Article> prepare, IArticleStore store, AnalysisContext context,
        int batchSize = 64, int? parallelism = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _pipeline = pipeline;
        _prepare = prepare;
        _store = store;
        _context = context;
        _batchSize = batchSize;
        _parallelism = parallelism ?? Environment.ProcessorCount;
    }

    public RunSummary Run(IEnumerable<ReadItem> items, IAnalysisListener? listener = null, CancellationToken cancellationToken = default)
    {
        listener ??= NullAnalysisListener.Instance;
        var summary = new RunSummary();
        var batch = new List<PendingReport>(_batchSize);
        var problems = new List<InputProblem>();
        // Ids by content hash of the reports waiting in this batch; earlier batches are in the store,
        // so memory stays flat however many reports a run reads.
        var pending = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            summary.Read++;
            if (item.Skipped)
            {
                summary.Skipped++;
                listener.OnSkipped(item.Location, item.Error ?? "skipped");
                continue;
            }
            if (item.Article is not { } raw)
            {
                var problem = new InputProblem(item.Location, item.Error ?? "could not be read");
                problems.Add(problem);
                summary.Rejected++;
                listener.OnProblem(problem);
                continue;
            }
            var decision = pending.TryGetValue(raw.ContentHash, out var pendingId)
                ? new IdDecision(true, pendingId, false, null)
                : _store.DecideId(raw.Id, raw.Location, raw.ContentHash);
            if (decision.AlreadyStored)
            {
                if (decision.StoredLocation == raw.Location)
                {
                    summary.Unchanged++;
                    listener.OnUnchanged(raw.Location, decision.Id);
                }
                else
                {
                    // The same report from another file or line: named, analysed once.
                    summary.Duplicates++;
                    listener.OnSkipped(raw.Location, $"same content as '{decision.Id}'{(decision.StoredLocation is { } at ? $" ({at})" : "")}: analysed once");
                }
                continue;
            }
            pending[raw.ContentHash] = decision.Id;
            // Analysed again for a new build: an undated report keeps the date its stored analysis was anchored on.
            var context = decision.ReanalyzeOn is { } anchoredOn ? _context with { FallbackReferenceDate = anchoredOn } : _context;
            batch.Add(new PendingReport(raw with { Id = decision.Id }, context));
            if (batch.Count >= _batchSize)
            {
                Flush(batch, problems, summary, listener);
                pending.Clear();
            }
        }
        Flush(batch, problems, summary, listener);
        return summary;
    }

    private void Flush(List<PendingReport> batch, List<InputProblem> problems, RunSummary summary, IAnalysisListener listener)
    {
        if (batch.Count == 0 && problems.Count == 0) return;
        Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = _parallelism }, Analyze);
        var analyses = new List<AnalyzedArticle>(batch.Count);
        foreach (var report in batch)
        {
            if (report.Error is not null)
            {
                var problem = new InputProblem(report.Raw.Location, report.Error);
                problems.Add(problem);
                summary.Rejected++;
                listener.OnProblem(problem);
                continue;
            }
            var outcome = report.Outcome!;
            foreach (var failure in outcome.Failures)
            {
                summary.StageFailures++;
                listener.OnStageFailure(report.Raw.Location, failure);
            }
            analyses.Add(outcome.Article);
        }
        // Reported from what the store did: it may have left a report out or stored it under another id since DecideId.
        var saved = _store.SaveBatch(analyses, problems);
        summary.Analyzed += saved.Stored.Count;
        summary.Reanalyzed += saved.Reanalyzed;
        foreach (var analyzed in saved.Stored) listener.OnAnalyzed(analyzed);
        foreach (var left in saved.NotStored)
        {
            var location = left.Report.Article.SourcePath ?? left.Report.Article.Id;
            if (left.StoredId is { } storedId)
            {
                summary.Unchanged++;
                listener.OnUnchanged(location, storedId);
            }
            else
            {
                summary.Superseded++;
                listener.OnSkipped(location, left.Reason);
            }
        }
        batch.Clear();
        problems.Clear();
    }

    private void Analyze(PendingReport report)
    {
        try
        {
            var article = _prepare(report.Raw);
            report.Outcome = _pipeline.Analyze(article, report.Context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One report that breaks cleaning must not sink the batch.
            report.Error = $"could not be analysed ({ex.GetType().Name}: {ex.Message})";
        }
    }

    private sealed class PendingReport(RawArticle raw, AnalysisContext context)
    {
        public RawArticle Raw { get; } = raw;
        public AnalysisContext Context { get; } = context;
        public AnalysisOutcome? Outcome { get; set; }
        public string? Error { get; set; }
    }
}

/// <summary>Counts of one run, for the summary table and the exit code.</summary>
public sealed class RunSummary
{
    public int Read { get; set; }
    public int Analyzed { get; set; }
    public int Unchanged { get; set; }
    /// <summary>Reports stored before by another build of Crosscheck, analysed again (counted in <see cref="Analyzed"/> too).</summary>
    public int Reanalyzed { get; set; }
    /// <summary>Older versions of an edited file that reached the store after a later version: named, not stored.</summary>
    public int Superseded { get; set; }
    /// <summary>Copies of a report already read from another file or line: named, analysed once.</summary>
    public int Duplicates { get; set; }
    /// <summary>Files in a folder that are not a news format (a README): named, but not rejected.</summary>
    public int Skipped { get; set; }
    public int Rejected { get; set; }
    public int StageFailures { get; set; }
}

/// <summary>Hears about each report as the run goes; called on the thread that runs <see cref="BatchAnalyzer.Run"/>.</summary>
public interface IAnalysisListener
{
    void OnAnalyzed(AnalyzedArticle article);
    void OnUnchanged(string location, string id);
    void OnSkipped(string location, string reason);
    void OnProblem(InputProblem problem);
    void OnStageFailure(string location, StageFailure failure);
}

public sealed class NullAnalysisListener : IAnalysisListener
{
    public static NullAnalysisListener Instance { get; } = new();
    public void OnAnalyzed(AnalyzedArticle article) { }
    public void OnUnchanged(string location, string id) { }
    public void OnSkipped(string location, string reason) { }
    public void OnProblem(InputProblem problem) { }
    public void OnStageFailure(string location, StageFailure failure) { }
}
