using System.Diagnostics;
using Crosscheck.Ingest;
using Crosscheck.Store;
using Npgsql;

namespace Crosscheck.Processing;

/// <summary>
/// One worker of `crosscheck worker`: claims a job, analyses its reports as one batch (one
/// transaction), marks it done, and repeats. Any number run at once on any number of machines.
/// Per-report analysis is all a worker does; the cross-report half (stories, matched claims) stays
/// one serial step over the stored reports in their queue order, run by `crosscheck dossier`, so
/// story assignment never depends on which worker finished first.
/// </summary>
public sealed class QueueWorker
{
    private readonly PostgresArticleStore _store;
    private readonly JobQueue _queue;
    private readonly Func<DateOnly, Components> _components;
    private readonly WorkerOptions _options;
    private readonly Dictionary<DateOnly, Components> _byReferenceDate = [];

    /// <param name="components">Builds the components for a job's reference date (cached: models load once per date).</param>
    public QueueWorker(PostgresArticleStore store, JobQueue queue, Func<DateOnly, Components> components, WorkerOptions options)
    {
        _store = store;
        _queue = queue;
        _components = components;
        _options = options;
    }

    /// <summary>Works until cancelled (the current job is finished first), or, with <see cref="WorkerOptions.ExitWhenIdle"/>, until no job is queued or held.</summary>
    public WorkerSummary Run(IWorkerListener? listener = null, CancellationToken cancellationToken = default)
    {
        listener ??= NullWorkerListener.Instance;
        var summary = new WorkerSummary();
        while (!cancellationToken.IsCancellationRequested)
        {
            ClaimedJob? job;
            bool drained;
            try
            {
                job = _queue.Claim(_options.Name, _options.Lease);
                // Drained means nothing queued and nothing held: a job held by a dead worker comes back when its lease runs out.
                drained = job is null && _options.ExitWhenIdle && _queue.OpenJobs() == 0;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database is away: wait and try again, as a worker under systemd should.
                listener.OnDatabaseUnavailable(ex.Message);
                if (cancellationToken.WaitHandle.WaitOne(_options.PollInterval * 5)) break;
                continue;
            }
            if (job is null)
            {
                if (drained) break;
                if (cancellationToken.WaitHandle.WaitOne(_options.PollInterval)) break;
                continue;
            }
            Process(job, summary, listener);
            if (_options.MaxJobs is { } max && summary.Jobs >= max) break;
        }
        return summary;
    }

    private void Process(ClaimedJob job, WorkerSummary summary, IWorkerListener listener)
    {
        var stopwatch = Stopwatch.StartNew();
        listener.OnClaimed(job);
        var lease = new LeaseState();
        using var heartbeat = new Timer(_ =>
        {
            try
            {
                if (!_queue.Renew(job.Id, _options.Name, _options.Lease)) lease.Lost = true;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database is away: the lease holds until it expires, and the next beat tries again.
            }
        }, null, _options.Lease / 3, _options.Lease / 3);
        try
        {
            if (!_byReferenceDate.TryGetValue(job.ReferenceDate, out var components))
            {
                components = _components(job.ReferenceDate);
                _byReferenceDate[job.ReferenceDate] = components;
            }
            var orderKeys = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var queued in job.Reports) orderKeys.TryAdd(queued.Report.ContentHash, queued.OrderKey);
            var ordered = new OrderedStore(_store, orderKeys, lease);
            // The whole job is one batch: one transaction, so a job is stored entirely or not at all.
            var analyzer = new BatchAnalyzer(components.Pipeline, components.Prepare, ordered, new AnalysisContext(job.ReferenceDate),
                batchSize: Math.Max(1, job.Reports.Count), parallelism: _options.Threads);
            var run = analyzer.Run(job.Reports.Select(q => ReadItem.Ok(q.Report)), listener);
            heartbeat.Change(Timeout.Infinite, Timeout.Infinite);
            if (lease.Lost || !_queue.Complete(job.Id, _options.Name, ordered.Stored))
            {
                // Another worker holds the job now and will finish it: it is neither counted nor reported as done here.
                summary.LeasesLost++;
                summary.Stored += ordered.Stored;
                listener.OnLeaseLost(job, LeaseLostMessage);
                return;
            }
            summary.Jobs++;
            summary.Stored += ordered.Stored;
            summary.Unchanged += run.Unchanged + run.Duplicates + run.Superseded;
            summary.Rejected += run.Rejected;
            listener.OnCompleted(job, ordered.Stored, run, stopwatch.Elapsed);
        }
        catch (LeaseLostException)
        {
            heartbeat.Change(Timeout.Infinite, Timeout.Infinite);
            summary.LeasesLost++;
            listener.OnLeaseLost(job, LeaseLostMessage);
        }
        catch (Exception ex) when (ex is StoreException or NpgsqlException or TimeoutException or InvalidOperationException or IOException)
        {
            heartbeat.Change(Timeout.Infinite, Timeout.Infinite);
            summary.Failures++;
            listener.OnFailed(job, ex.Message);
            try { _queue.Fail(job.Id, _options.Name, ex.Message); }
            catch (Exception again) when (again is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The job's lease runs out and another worker (or this one) takes it again.
            }
        }
    }

    private const string LeaseLostMessage = "its lease ran out and another worker holds it now; stopped here, not counted as done";

    private sealed class LeaseState
    {
        private volatile bool _lost;
        public bool Lost { get => _lost; set => _lost = value; }
    }

    private sealed class LeaseLostException() : Exception(LeaseLostMessage);

    /// <summary>Stores through the PostgreSQL store with the queue's reading order and counts what was really stored.</summary>
    private sealed class OrderedStore(PostgresArticleStore store, IReadOnlyDictionary<string, long> orderKeys, LeaseState lease) : IArticleStore
    {
        public int Stored { get; private set; }

        public IdDecision DecideId(string proposedId, string location, string contentHash) => store.DecideId(proposedId, location, contentHash);

        public SavedBatch SaveBatch(IReadOnlyList<AnalyzedArticle> analyses, IReadOnlyList<InputProblem> problems)
        {
            // The job's new holder stores these reports; storing them here too would be harmless but wasted.
            if (lease.Lost) throw new LeaseLostException();
            var saved = store.SaveBatch(analyses, problems, orderKeys);
            Stored += saved.Stored.Count;
            return saved;
        }

        public IEnumerable<AnalyzedArticle> ReadAll() => store.ReadAll();

        public IReadOnlyList<InputProblem> ReadProblems() => store.ReadProblems();

        public int ArticleCount => store.ArticleCount;

        public void Dispose() { } // the worker owns the store
    }
}

/// <param name="Name">Shown in `crosscheck status` and stored with each lease; unique per process (host and process id by default).</param>
/// <param name="Lease">How long a claimed job stays this worker's without renewal; renewed every third of it while working.</param>
/// <param name="Threads">Reports analysed in parallel within a job.</param>
public sealed record WorkerOptions(string Name, TimeSpan Lease, TimeSpan PollInterval, bool ExitWhenIdle = false, int? Threads = null, int? MaxJobs = null)
{
    public static string DefaultName() => $"{Environment.MachineName}:{Environment.ProcessId}";
}

public sealed class WorkerSummary
{
    public int Jobs { get; set; }
    public int Stored { get; set; }
    /// <summary>Reports already stored (by an earlier run or another worker): skipped.</summary>
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public int Failures { get; set; }
    /// <summary>Jobs this worker stopped holding before it finished them (its lease ran out): another worker finishes them.</summary>
    public int LeasesLost { get; set; }
}

/// <summary>Hears what a worker does; called on the worker's thread.</summary>
public interface IWorkerListener : IAnalysisListener
{
    void OnClaimed(ClaimedJob job);
    void OnCompleted(ClaimedJob job, int stored, RunSummary run, TimeSpan elapsed);
    void OnFailed(ClaimedJob job, string message);
    /// <summary>The job is no longer this worker's (its lease ran out and another claimed it): its work here stopped.</summary>
    void OnLeaseLost(ClaimedJob job, string message);
    void OnDatabaseUnavailable(string message);
}

public sealed class NullWorkerListener : IWorkerListener
{
    public static NullWorkerListener Instance { get; } = new();
    public void OnClaimed(ClaimedJob job) { }
    public void OnCompleted(ClaimedJob job, int stored, RunSummary run, TimeSpan elapsed) { }
    public void OnFailed(ClaimedJob job, string message) { }
    public void OnLeaseLost(ClaimedJob job, string message) { }
    public void OnDatabaseUnavailable(string message) { }
    public void OnAnalyzed(AnalyzedArticle article) { }
    public void OnUnchanged(string location, string id) { }
    public void OnSkipped(string location, string reason) { }
    public void OnProblem(InputProblem problem) { }
    public void OnStageFailure(string location, StageFailure failure) { }
}
