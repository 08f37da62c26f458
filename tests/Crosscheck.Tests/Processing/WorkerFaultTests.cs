using Crosscheck.Ingest;
using Crosscheck.Processing;
using Crosscheck.Tests.Store;
using FluentAssertions;

namespace Crosscheck.Tests.Processing;

/// <summary>Real `crosscheck worker` processes killed and cut off mid-job: every report is stored exactly once in the end.</summary>
public class WorkerFaultTests
{
    private const int Reports = 400;

    private static void Enqueue(TestPostgres server, string folder, int jobSize)
    {
        using var store = server.OpenStore();
        QueueFeeder.Enqueue(store, new JobQueue(store.DataSource), new InputReader(InputLimits.Default).Read([folder]), new DateOnly(2025, 4, 1), jobSize)
            .Queued.Should().Be(Reports);
    }

    private static void AssertEveryReportStoredOnce(TestPostgres server)
    {
        server.Scalar("SELECT count(*) FROM articles").Should().Be(Reports);
        server.Scalar("SELECT count(DISTINCT location) FROM articles").Should().Be(Reports, "no report stored twice under two ids");
        server.Scalar("SELECT count(*) FROM jobs WHERE state <> 'done'").Should().Be(0);
        using var store = server.OpenStore();
        store.ReadAll().Select(a => a.Article.Id).Distinct().Should().HaveCount(Reports);
    }

    [PostgresFact]
    public void AWorkerKilledMidJobLosesNothingAndDoublesNothing()
    {
        using var folder = new Some.TempFolder();
        CliProcess.WriteCorpus(folder.File("in"), Reports);
        using var server = new TestPostgres();
        Enqueue(server, folder.File("in"), jobSize: 16);

        using (var victim = CliProcess.Start("worker", "--db", server.Url, "--lease", "3", "--threads", "1", "--quiet"))
        {
            victim.WaitUntil(() => server.Scalar("SELECT count(*) FROM articles") >= 32, TimeSpan.FromSeconds(120), "stored reports");
            victim.WaitUntil(() => server.Scalar("SELECT count(*) FROM jobs WHERE state = 'running'") > 0, TimeSpan.FromSeconds(30), "a job in hand");
            victim.KillHard();
        }
        server.Scalar("SELECT count(*) FROM articles").Should().BeLessThan(Reports, "the worker was killed before the end");
        server.Scalar("SELECT count(*) FROM jobs WHERE state = 'running'").Should().Be(1, "the dead worker's job stays held until its lease runs out");

        using var successor = CliProcess.Start("worker", "--db", server.Url, "--lease", "3", "--exit-when-idle", "--poll", "0.2", "--quiet");
        successor.WaitForExit(TimeSpan.FromMinutes(3)).Should().Be(0, successor.Errors);
        AssertEveryReportStoredOnce(server);
        server.Scalar("SELECT count(*) FROM jobs WHERE attempts = 2").Should().Be(1, "the killed worker's job was taken again after its lease");
    }

    [PostgresFact]
    public void AWorkerWhoseDatabaseConnectionsAreCutMidJobFinishesTheWork()
    {
        using var folder = new Some.TempFolder();
        CliProcess.WriteCorpus(folder.File("in"), Reports);
        using var server = new TestPostgres();
        Enqueue(server, folder.File("in"), jobSize: 16);

        using var worker = CliProcess.Start("worker", "--db", server.Url, "--lease", "5", "--threads", "1", "--exit-when-idle", "--poll", "0.2");
        for (int cut = 1; cut <= 3; cut++)
        {
            worker.WaitUntil(() => server.Scalar("SELECT count(*) FROM articles") >= 48 * cut, TimeSpan.FromSeconds(120), $"progress before cut {cut}");
            server.TerminateConnections().Should().BeGreaterThan(0);
        }
        worker.WaitForExit(TimeSpan.FromMinutes(3)).Should().BeOneOf([0, 3], worker.Errors);
        if (worker.Process.ExitCode == 3) worker.Errors.Should().Contain("given back to the queue");
        // A job given back is finished by any worker; here a second one drains what the first gave back.
        using var successor = CliProcess.Start("worker", "--db", server.Url, "--lease", "5", "--exit-when-idle", "--poll", "0.2", "--quiet");
        successor.WaitForExit(TimeSpan.FromMinutes(2)).Should().Be(0, successor.Errors);
        AssertEveryReportStoredOnce(server);
    }

    [PostgresFact]
    public void AnalyzeIntoPostgresSurvivesACutConnectionMidRun()
    {
        using var folder = new Some.TempFolder();
        CliProcess.WriteCorpus(folder.File("in"), Reports);
        using var server = new TestPostgres();
        using (server.OpenStore()) { } // the schema exists before the run starts counting

        using var analyze = CliProcess.Start("analyze", folder.File("in"), "--db", server.Url, "--no-dossier", "--quiet", "--reference-date", "2025-04-01");
        analyze.WaitUntil(() => server.Scalar("SELECT count(*) FROM articles") >= 64, TimeSpan.FromSeconds(120), "stored reports");
        server.TerminateConnections().Should().BeGreaterThan(0);
        analyze.WaitForExit(TimeSpan.FromMinutes(3)).Should().Be(0, analyze.Errors);
        server.Scalar("SELECT count(*) FROM articles").Should().Be(Reports);
    }
}
