using Crosscheck.Ingest;
using Crosscheck.Store;

namespace Crosscheck.Processing;

/// <summary>
/// `crosscheck enqueue`: reads inputs on this machine and puts their reports on the queue. Reports
/// already stored are left out, inputs that cannot be read are stored as problems at once (named, the
/// rest goes on), and the reading order becomes the order the dossier reads the reports in.
/// </summary>
public static class QueueFeeder
{
    private const int LookupChunk = 512;

    public static EnqueueSummary Enqueue(PostgresArticleStore store, JobQueue queue, IEnumerable<ReadItem> items, DateOnly referenceDate,
        int reportsPerJob = 32, IAnalysisListener? listener = null)
    {
        listener ??= NullAnalysisListener.Instance;
        var summary = new EnqueueSummary();
        var pending = new List<RawArticle>(LookupChunk);
        var problems = new List<InputProblem>();
        void Flush()
        {
            if (pending.Count > 0)
            {
                var stored = store.StoredHashes(pending.Select(r => r.ContentHash).ToList());
                var seen = new HashSet<string>(stored, StringComparer.Ordinal);
                var fresh = new List<RawArticle>(pending.Count);
                foreach (var raw in pending)
                {
                    if (seen.Add(raw.ContentHash)) fresh.Add(raw);
                    else
                    {
                        summary.AlreadyStored++;
                        listener.OnUnchanged(raw.Location, raw.Id);
                    }
                }
                var (jobs, reports) = queue.Enqueue(fresh, referenceDate, reportsPerJob);
                summary.Jobs += jobs;
                summary.Queued += reports;
                pending.Clear();
            }
            if (problems.Count > 0)
            {
                store.SaveBatch([], problems);
                problems.Clear();
            }
        }
        foreach (var item in items)
        {
            summary.Read++;
            if (item.Skipped)
            {
                summary.Skipped++;
                listener.OnSkipped(item.Location, item.Error ?? "skipped");
            }
            else if (item.Article is { } raw)
            {
                pending.Add(raw);
                if (pending.Count >= LookupChunk) Flush();
            }
            else
            {
                var problem = new InputProblem(item.Location, item.Error ?? "could not be read");
                problems.Add(problem);
                summary.Rejected++;
                listener.OnProblem(problem);
            }
        }
        Flush();
        return summary;
    }
}

public sealed class EnqueueSummary
{
    public int Read { get; set; }
    public int Queued { get; set; }
    public int Jobs { get; set; }
    /// <summary>Reports whose content is stored already, or that appear twice in this run.</summary>
    public int AlreadyStored { get; set; }
    public int Skipped { get; set; }
    public int Rejected { get; set; }
}
