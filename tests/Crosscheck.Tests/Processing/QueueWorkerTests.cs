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

        var dead = queue.Claim("dead", TimeSpan.FromSeconds(1));
        dead.Should().NotBeNull();
        queue.Claim("live", TimeSpan.FromSeconds(30)).Should().BeNull("the dead worker's lease still runs");
        Thread.Sleep(1200);
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
            [ReadItem.Ok(known), ReadItem.Ok(Some.Raw("New.", "new")), ReadItem.Ok(Some.Raw("New.", "copy")), ReadItem.Fail("/in/bad.json:4", "line 4 is not valid JSON")], Reference);
        summary.Queued.Should().Be(1);
        summary.AlreadyStored.Should().Be(2);
        summary.Rejected.Should().Be(1);
        store.ReadProblems().Should().ContainSingle(p => p.Location == "/in/bad.json:4");
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
