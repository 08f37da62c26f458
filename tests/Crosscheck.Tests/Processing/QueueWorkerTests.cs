using Crosscheck.Ingest;
using Crosscheck.Processing;
using Crosscheck.Report;
using Crosscheck.Store;
using Crosscheck.Tests.Store;
using FluentAssertions;
using Npgsql;

namespace Crosscheck.Tests.Processing;

/// <summary>The PostgreSQL job queue and its workers, in process.</summary>
public class QueueWorkerTests
{
    private static readonly DateOnly Reference = new(2025, 6, 1);
    private static readonly Lazy<Components> Shared = new(() => Components.CreateDefault(Reference));

    private static WorkerOptions Options(string name, double leaseSeconds = 30, bool exitWhenIdle = true) =>
        new(name, TimeSpan.FromSeconds(leaseSeconds), TimeSpan.FromMilliseconds(50), exitWhenIdle, Threads: 1);

    private static QueueWorker Worker(PostgresArticleStore store, WorkerOptions options) =>
        new(store, new JobQueue(store.DataSource), _ => Shared.Value, options);

    [PostgresFact]
    public void TwoWorkersShareTheQueueAndTheDossierIsTheOneASingleRunWrites()
    {
        var samples = PostgresArticleStoreTests.RepositoryFolder("samples");
        using var server = new TestPostgres();
        using (var feeder = server.OpenStore())
        {
            var queued = QueueFeeder.Enqueue(feeder, new JobQueue(feeder.DataSource), Shared.Value.Reader.Read([samples]), Reference, reportsPerJob: 1);
            queued.Queued.Should().BeGreaterThan(4);
            queued.Skipped.Should().Be(1, "the README is not a report");
        }
        var summaries = new WorkerSummary[2];
        Parallel.For(0, 2, i =>
        {
            using var store = server.OpenStore();
            summaries[i] = Worker(store, Options($"w{i}")).Run();
        });
        summaries.Sum(s => s.Jobs).Should().Be((int)server.Scalar("SELECT count(*) FROM jobs"));
        server.Scalar("SELECT count(*) FROM jobs WHERE state <> 'done'").Should().Be(0);

        string fromQueue;
        using (var store = server.OpenStore()) fromQueue = DossierJson.Serialize(Shared.Value.BuildDossier(store.ReadAll().ToList(), Reference));
        using var folder = new Some.TempFolder();
        using var sqlite = SqliteArticleStore.Open(folder.File("single.db"));
        new BatchAnalyzer(Shared.Value.Pipeline, Shared.Value.Prepare, sqlite, new AnalysisContext(Reference)).Run(Shared.Value.Reader.Read([samples]));
        var fromSingleRun = DossierJson.Serialize(Shared.Value.BuildDossier(sqlite.ReadAll().ToList(), Reference));
        fromQueue.Should().Be(fromSingleRun, "stories are assigned in queue order, whichever worker stored a report first");
    }

    [PostgresFact]
    public void AJobWhoseWorkerDiedIsTakenAgainAfterItsLeaseAndStoredOnce()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        var reports = Enumerable.Range(0, 3).Select(i => Some.Raw($"Officials in Lugo said {i + 3} homes were flooded.", $"r{i}")).ToList();
        queue.Enqueue(reports, Reference, reportsPerJob: 10);

        // A lease long enough that a stalled CI machine cannot let it lapse before the next claim.
        var dead = queue.Claim("dead", TimeSpan.FromSeconds(3));
        dead.Should().NotBeNull();
        queue.Claim("live", TimeSpan.FromSeconds(30)).Should().BeNull("the dead worker's lease still runs");
        Thread.Sleep(3200);
        var summary = Worker(store, Options("live")).Run();
        summary.Jobs.Should().Be(1);
        summary.Stored.Should().Be(3);
        server.Scalar("SELECT attempts FROM jobs").Should().Be(2);
        queue.Complete(dead!.Id, "dead", 3); // the dead worker waking up changes nothing
        server.Scalar("SELECT count(*) FROM jobs WHERE state = 'done' AND leased_by = 'live'").Should().Be(1);
        store.ArticleCount.Should().Be(3);
    }

    [PostgresFact]
    public void AJobThatKeepsKillingItsWorkersIsGivenUpAndShownAsFailed()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        queue.Enqueue([Some.Raw("A report no worker survives.")], Reference);
        for (int attempt = 0; attempt < JobQueue.MaxAttempts; attempt++)
        {
            queue.Claim($"victim{attempt}", TimeSpan.FromMilliseconds(100)).Should().NotBeNull();
            Thread.Sleep(150);
        }
        queue.Claim("next", TimeSpan.FromSeconds(30)).Should().BeNull();
        var status = queue.Status(TimeSpan.FromMinutes(5));
        status.FailedJobs.Should().Be(1);
        status.QueuedJobs.Should().Be(0);
        status.RecentFailures.Should().ContainSingle().Which.Should().Contain("stopped before finishing it 3 times");
    }

    [PostgresFact]
    public void StatusCountsQueuedHeldAndDoneWork()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        queue.Enqueue(Enumerable.Range(0, 5).Select(i => Some.Raw($"Report number {i} about the dam.", $"s{i}")), Reference, reportsPerJob: 2)
            .Should().Be((3, 5));
        var held = queue.Claim("holder", TimeSpan.FromMinutes(1))!;
        var status = queue.Status(TimeSpan.FromMinutes(5));
        status.QueuedJobs.Should().Be(2);
        status.QueuedReports.Should().Be(3);
        status.RunningJobs.Should().Be(1);
        status.Workers.Should().Be(1);
        queue.Complete(held.Id, "holder", held.Reports.Count);
        queue.Status(TimeSpan.FromMinutes(5)).ReportsInWindow.Should().Be(2);
    }

    [PostgresFact]
    public void EnqueueLeavesOutStoredReportsAndStoresUnreadableInputsAsProblems()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        var known = Some.Raw("Already analysed.", "known");
        QueueFeeder.Enqueue(store, queue, [ReadItem.Ok(known)], Reference);
        Worker(store, Options("w")).Run();
        var summary = QueueFeeder.Enqueue(store, queue,
            [ReadItem.Ok(known), ReadItem.Ok(Some.Raw("New.", "new")), ReadItem.Ok(Some.Raw("New.", "copy")), ReadItem.Fail("/in/bad.json:4", "line 4 is not valid JSON")], Reference,
            host: "feeder1");
        summary.Queued.Should().Be(1);
        summary.AlreadyStored.Should().Be(2);
        summary.Rejected.Should().Be(1);
        store.ReadProblems().Should().ContainSingle(p => p.Location == "feeder1:/in/bad.json:4");
    }

    [PostgresFact]
    public void ACopyReadFarLaterInTheSameRunIsQueuedOnce()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        // The copy comes more than one store look-up (512 reports) after the original.
        var reports = Enumerable.Range(0, 600).Select(i => ReadItem.Ok(Some.Raw(i == 550 ? "Report number 0." : $"Report number {i}.", $"n{i}"))).ToList();
        var summary = QueueFeeder.Enqueue(store, queue, reports, Reference, reportsPerJob: 100);
        summary.Queued.Should().Be(599);
        summary.AlreadyStored.Should().Be(1);
        server.Scalar("SELECT sum(reports) FROM jobs").Should().Be(599);
    }

    [PostgresFact]
    public void TheSamePathOnTwoMachinesNamesTwoFilesAndBothAreStored()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        // Both machines mount their inputs at /in, as the container example in docs/DEPLOY.md does.
        QueueFeeder.Enqueue(store, queue, [ReadItem.Ok(Some.Raw("Machine A's report on the dam.", "report", "/in/report.html"))], Reference, host: "alpha");
        QueueFeeder.Enqueue(store, queue, [ReadItem.Ok(Some.Raw("Machine B's report on the bridge.", "report", "/in/report.html"))], Reference, host: "beta");
        Worker(store, Options("w")).Run().Stored.Should().Be(2);
        store.ReadAll().Select(a => a.Article.SourcePath).Should().Equal("alpha:/in/report.html", "beta:/in/report.html");
    }

    [PostgresFact]
    public void AnEditedFileEnqueuedTwiceKeepsItsLaterVersionWhicheverJobIsStoredFirst()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        QueueFeeder.Enqueue(store, queue, [ReadItem.Ok(Some.Raw("Version one: 3 homes flooded.", "report", "/in/report.txt"))], Reference, host: "alpha");
        QueueFeeder.Enqueue(store, queue, [ReadItem.Ok(Some.Raw("Version two: 4 homes flooded.", "report", "/in/report.txt"))], Reference, host: "alpha");
        // A worker holds the first job; another stores the second first.
        queue.Claim("slow", TimeSpan.FromMinutes(5)).Should().NotBeNull();
        Worker(store, Options("fast", exitWhenIdle: false) with { MaxJobs = 1 }).Run().Stored.Should().Be(1);
        server.Scalar("UPDATE jobs SET lease_expires = now() - interval '1 second' WHERE leased_by = 'slow'"); // the slow worker died
        var summary = Worker(store, Options("late")).Run();
        summary.Stored.Should().Be(0);
        summary.Unchanged.Should().Be(1, "the older version is named and left out");
        store.ReadAll().Select(a => a.Text).Should().Equal("Version two: 4 homes flooded.");
    }

    [PostgresFact]
    public void AWorkerWhoseLeaseRanOutStopsAndDoesNotCountTheJob()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        queue.Enqueue([Some.Raw("Officials in Lugo said 5 homes were flooded.", "r")], Reference);
        ClaimedJob? taken = null;
        var worker = new QueueWorker(store, queue, _ =>
        {
            // The worker stalls (loading models, a long pause) past its lease, and another worker takes the job.
            server.Scalar("UPDATE jobs SET lease_expires = now() - interval '1 second'");
            taken = queue.Claim("thief", TimeSpan.FromMinutes(1));
            Thread.Sleep(1500);
            return Shared.Value;
        }, Options("stalled", leaseSeconds: 0.6, exitWhenIdle: false));
        var listener = new LeaseListener();
        var summary = worker.Run(listener, listener.Stop.Token);
        taken.Should().NotBeNull();
        summary.Jobs.Should().Be(0);
        summary.LeasesLost.Should().Be(1);
        listener.Completed.Should().Be(0);
        listener.LeaseLost.Should().ContainSingle().Which.Should().Contain("another worker holds it");
        store.ArticleCount.Should().Be(0, "the worker stopped before storing: the job's new holder stores it");
        server.Scalar("SELECT count(*) FROM jobs WHERE state = 'running' AND leased_by = 'thief'").Should().Be(1);
        queue.Complete(taken!.Id, "stalled", 1).Should().BeFalse();
        queue.Complete(taken.Id, "thief", 1).Should().BeTrue();
    }

    private sealed class LeaseListener : IWorkerListener
    {
        public CancellationTokenSource Stop { get; } = new(TimeSpan.FromSeconds(60));
        public int Completed { get; private set; }
        public List<string> LeaseLost { get; } = [];
        public void OnClaimed(ClaimedJob job) { }
        public void OnCompleted(ClaimedJob job, int stored, RunSummary run, TimeSpan elapsed) { Completed++; Stop.Cancel(); }
        public void OnFailed(ClaimedJob job, string message) => Stop.Cancel();
        public void OnLeaseLost(ClaimedJob job, string message) { LeaseLost.Add(message); Stop.Cancel(); }
        public void OnDatabaseUnavailable(string message) { }
        public void OnAnalyzed(AnalyzedArticle article) { }
        public void OnUnchanged(string location, string id) { }
        public void OnSkipped(string location, string reason) { }
        public void OnProblem(InputProblem problem) { }
        public void OnStageFailure(string location, StageFailure failure) { }
    }

    [PostgresFact]
    public void AJobWhoseReportsCannotBeReadIsFailedAndTheNextOneClaimed()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        queue.Enqueue([Some.Raw("First job's report.", "a"), Some.Raw("Second job's report.", "b")], Reference, reportsPerJob: 1);
        server.Scalar("UPDATE jobs SET payload = convert_to('{not json', 'UTF8') WHERE id = (SELECT min(id) FROM jobs)");
        var claimed = queue.Claim("w", TimeSpan.FromSeconds(30));
        claimed.Should().NotBeNull();
        claimed!.Reports.Should().ContainSingle().Which.Report.Id.Should().Be("b");
        var status = queue.Status(TimeSpan.FromMinutes(5));
        status.FailedJobs.Should().Be(1);
        status.RecentFailures.Should().ContainSingle().Which.Should().Contain("cannot be read");
    }

    [PostgresFact]
    public void AnExhaustedJobWhoseLeaseRanOutIsNeverClaimedAgain()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        queue.Enqueue([Some.Raw("A report no worker survives.")], Reference);
        // The claim itself must refuse it, whatever the give-up statement before it saw.
        server.Scalar($"UPDATE jobs SET state = 'running', leased_by = 'gone', attempts = {JobQueue.MaxAttempts}, lease_expires = now() - interval '1 second'");
        queue.Claim("next", TimeSpan.FromSeconds(30)).Should().BeNull();
        server.Scalar("SELECT attempts FROM jobs").Should().Be(JobQueue.MaxAttempts);
    }

    [PostgresFact]
    public void AWorkerWaitsOutALostDatabaseConnection()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var queue = new JobQueue(store.DataSource);
        queue.Enqueue(Enumerable.Range(0, 4).Select(i => Some.Raw($"Report {i} from the valley.", $"v{i}")), Reference, reportsPerJob: 1);
        // Every connection of this test's pool dies once, as when the server restarts.
        store.ArticleCount.Should().Be(0);
        server.TerminateConnections().Should().BeGreaterThan(0);
        var summary = Worker(store, Options("survivor")).Run();
        store.ArticleCount.Should().Be(4);
        server.Scalar("SELECT count(*) FROM jobs WHERE state = 'done'").Should().Be(4);
        summary.Stored.Should().Be(4);
    }
}
