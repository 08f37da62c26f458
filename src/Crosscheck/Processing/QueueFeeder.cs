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

    /// <param name="host">Names this machine in every queued location (default: its host name), so the same path on two machines names two files.</param>
    public static EnqueueSummary Enqueue(PostgresArticleStore store, JobQueue queue, IEnumerable<ReadItem> items, DateOnly referenceDate,
        int reportsPerJob = 32, IAnalysisListener? listener = null, string? host = null)
    {
        listener ??= NullAnalysisListener.Instance;
        host ??= Environment.MachineName;
        var summary = new EnqueueSummary();
        // One set for the whole run: a copy read thousands of reports later is still a copy.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<RawArticle>(LookupChunk);
        var problems = new List<InputProblem>();
        void Flush()
        {
            if (pending.Count > 0)
            {
                seen.UnionWith(store.StoredHashes(pending.Select(r => r.ContentHash).Where(hash => !seen.Contains(hash)).Distinct().ToList()));
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
                pending.Add(raw with { Location = QualifiedLocation(host, raw.Location) });
                if (pending.Count >= LookupChunk) Flush();
            }
            else
            {
                var problem = new InputProblem(QualifiedLocation(host, item.Location), item.Error ?? "could not be read");
                problems.Add(problem);
                summary.Rejected++;
                listener.OnProblem(problem);
            }
        }
        Flush();
        return summary;
    }

    /// <summary>
    /// "host:/in/report.html": a path means a file only on the machine that read it, and an edited file
    /// replaces its stored analysis by location, so a location without its machine could replace another
    /// machine's different file of the same path.
    /// </summary>
    public static string QualifiedLocation(string host, string location) => $"{host}:{location}";
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
