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

        // The kill must land while a job is in hand; if it fell in the moment between two jobs, kill another worker.
        long held = 0;
        for (int round = 0; round < 5 && held == 0; round++)
        {
            long before = server.Scalar("SELECT count(*) FROM articles");
            using var victim = CliProcess.Start("worker", "--db", server.Url, "--lease", "3", "--threads", "1", "--quiet");
            victim.WaitUntil(() => server.Scalar("SELECT count(*) FROM articles") >= before + 32, TimeSpan.FromSeconds(120), "stored reports");
            victim.KillHard();
            held = server.Scalar("SELECT count(*) FROM jobs WHERE state = 'running'");
        }
        held.Should().Be(1, "the dead worker's job stays held until its lease runs out");
        server.Scalar("SELECT count(*) FROM articles").Should().BeLessThan(Reports, "the worker was killed before the end");

        using var successor = CliProcess.Start("worker", "--db", server.Url, "--lease", "3", "--exit-when-idle", "--poll", "0.2", "--quiet");
        successor.WaitForExit(TimeSpan.FromMinutes(3)).Should().Be(0, successor.Errors);
        AssertEveryReportStoredOnce(server);
        server.Scalar("SELECT count(*) FROM jobs WHERE attempts >= 2").Should().BeGreaterThanOrEqualTo(1, "the killed worker's job was taken again after its lease");
    }

    [PostgresFact]
    public void AWorkerWhoseDatabaseConnectionsAreCutMidJobFinishesTheWork()
    {
        using var folder = new Some.TempFolder();
        CliProcess.WriteCorpus(folder.File("in"), Reports);
        using var server = new TestPostgres();
        Enqueue(server, folder.File("in"), jobSize: 16);

        using var worker = CliProcess.Start("worker", "--db", server.Url, "--lease", "5", "--threads", "1", "--exit-when-idle", "--poll", "0.2");
        long cutConnections = 0;
        for (int cut = 1; cut <= 3; cut++)
        {
            worker.WaitUntil(() => server.Scalar("SELECT count(*) FROM articles") >= 48 * cut, TimeSpan.FromSeconds(120), $"progress before cut {cut}");
            cutConnections += server.TerminateConnections();
        }
        cutConnections.Should().BeGreaterThan(0);
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

/// <summary>The PostgreSQL store on a tablespace whose disk fills up mid-run.</summary>
public class PostgresFullDiskTests
{
    [LocalPostgresWithSmallDiskFact]
    public void AFullTablespaceStopsTheRunClearlyAndARerunAfterGrowingItCompletesTheWork()
    {
        using var folder = new Some.TempFolder();
        var first = CliProcess.WriteCorpus(folder.File("first"), 5, "early");
        var many = CliProcess.WriteCorpus(folder.File("many"), 600, "late");
        using var server = new TestPostgres();
        using var disk = new SmallDisk(folder.File("disk"), "1m");
        SmallDisk.Run("chown", "postgres:postgres", disk.Path);
        SmallDisk.Run("chmod", "o+x", folder.Path);
        var tablespace = server.Schema + "_space";
        try
        {
            using (var store = server.OpenStore()) { }
            using (var connection = server.Connect())
            {
                foreach (var sql in new[]
                {
                    $"CREATE TABLESPACE {tablespace} LOCATION '{disk.Path}'",
                    $"ALTER TABLE articles SET TABLESPACE {tablespace}",
                    $"ALTER INDEX articles_search_simple SET TABLESPACE {tablespace}",
                    $"ALTER INDEX articles_search_language SET TABLESPACE {tablespace}",
                })
                {
                    using var command = new Npgsql.NpgsqlCommand(sql, connection);
                    command.ExecuteNonQuery();
                }
            }
            using (var run = CliProcess.Start("analyze", first, "--db", server.Url, "--no-dossier", "--quiet", "--reference-date", "2025-04-01"))
            {
                run.WaitForExit(TimeSpan.FromMinutes(2)).Should().Be(0, run.Errors);
            }
            using (var run = CliProcess.Start("analyze", many, "--db", server.Url, "--no-dossier", "--quiet", "--reference-date", "2025-04-01"))
            {
                run.WaitForExit(TimeSpan.FromMinutes(3)).Should().Be(3, "the store failed; stderr: " + run.Errors);
                run.Errors.Should().Contain("No space left on device").And.NotContain("   at ", "one clear line, no stack trace");
            }
            long afterFailure = server.Scalar("SELECT count(*) FROM articles");
            afterFailure.Should().BeGreaterThanOrEqualTo(5).And.BeLessThan(605);
            server.Scalar("SELECT count(*) FROM articles WHERE id LIKE 'early%'").Should().Be(5);

            disk.Grow("64m");
            using (var rerun = CliProcess.Start("analyze", many, "--db", server.Url, "--no-dossier", "--quiet", "--reference-date", "2025-04-01"))
            {
                rerun.WaitForExit(TimeSpan.FromMinutes(3)).Should().Be(0, rerun.Errors);
            }
            server.Scalar("SELECT count(*) FROM articles").Should().Be(605);
            server.Scalar("SELECT count(DISTINCT content_hash) FROM articles").Should().Be(605);
        }
        finally
        {
            server.DropSchemaNow();
            using var connection = server.Connect();
            using var drop = new Npgsql.NpgsqlCommand($"DROP TABLESPACE IF EXISTS {tablespace}", connection);
            drop.ExecuteNonQuery();
        }
    }
}

/// <summary>
/// A fact that needs the test PostgreSQL server on this machine, run by the `postgres` user, and a
/// throwaway tmpfs (root): the tablespace must live on a disk the test can fill and hand to the server.
/// </summary>
public sealed class LocalPostgresWithSmallDiskFactAttribute : FactAttribute
{
    public LocalPostgresWithSmallDiskFactAttribute()
    {
        if (TestPostgres.UnavailableReason is { } noServer) Skip = noServer;
        else if (SmallDisk.UnavailableReason is { } noDisk) Skip = noDisk;
        else if (!LocalServerUser()) Skip = "skipped: the test PostgreSQL server is not a local one run by the `postgres` user, so no tablespace can be put on a throwaway disk";
    }

    private static bool LocalServerUser()
    {
        var url = Environment.GetEnvironmentVariable(TestPostgres.Variable) ?? "";
        var host = Crosscheck.Store.PostgresConnectionString.Parse(url).Host;
        return host is "127.0.0.1" or "localhost" or "::1" && File.ReadAllText("/etc/passwd").Contains("\npostgres:", StringComparison.Ordinal);
    }
}
