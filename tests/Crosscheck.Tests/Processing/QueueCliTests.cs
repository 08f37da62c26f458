using Crosscheck.Cli;
using Crosscheck.Tests.Store;
using FluentAssertions;

namespace Crosscheck.Tests.Processing;

/// <summary>`crosscheck enqueue`, `worker`, `status`, `dossier` and `search` as a user runs them.</summary>
public class QueueCliTests
{
    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = CliApp.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("status")]
    [InlineData("search", "flood")]
    public void TheQueueCommandsAskForAPostgresStore(params string[] command)
    {
        var (code, _, errors) = Run([.. command, "--db", "local.db"]);
        code.Should().Be(CliApp.ExitUsage);
        errors.Should().Contain("postgres://").And.Contain("local.db");
    }

    [PostgresFact]
    public void EnqueueWorkStatusDossierAndSearchFromTheCommandLine()
    {
        using var server = new TestPostgres();
        using var folder = new Some.TempFolder();
        var samples = PostgresArticleStoreTests.RepositoryFolder("samples");
        var broken = folder.File("broken.jsonl");
        File.WriteAllText(broken, "{ not json\n");

        var enqueue = Run("enqueue", samples, broken, "--db", server.Url, "--reference-date", "2025-06-01", "--job-size", "4");
        enqueue.Code.Should().Be(CliApp.ExitSomeInputsRejected, "the broken file is named and the rest queued");
        enqueue.Errors.Should().Contain("broken.jsonl:1");
        enqueue.Output.Should().MatchRegex(@"queued \d+ reports in \d+ jobs");

        Run("status", "--db", server.Url).Output.Should().MatchRegex(@"queued:\s+[1-9]\d* jobs");
        var worker = Run("worker", "--db", server.Url, "--exit-when-idle", "--threads", "1", "--poll", "0.1");
        worker.Code.Should().Be(CliApp.ExitOk, worker.Errors);
        worker.Output.Should().Contain("job 1:");

        var status = Run("status", "--db", server.Url);
        status.Output.Should().MatchRegex(@"queued:\s+0 jobs").And.MatchRegex(@"failed:\s+0 jobs").And.MatchRegex(@"store:\s+[1-9]\d* reports, 1 inputs with problems");

        var dossier = Run("dossier", "--db", server.Url, "--out", folder.File("out"), "--reference-date", "2025-06-01");
        dossier.Code.Should().Be(CliApp.ExitOk, dossier.Errors);
        File.Exists(Path.Combine(folder.File("out"), "dossier.json")).Should().BeTrue();

        var export = Run("export", "events", "--db", server.Url);
        export.Code.Should().Be(CliApp.ExitOk, export.Errors);
        export.Output.Should().StartWith("event_date,", "the ACLED header, then whatever events the samples hold");

        var search = Run("search", "flooding", "--language", "en", "--db", server.Url);
        search.Code.Should().Be(CliApp.ExitOk);
        search.Output.Should().MatchRegex(@"\[flood\w*\]");
    }

    [Fact]
    public void AnalyzeEnqueueAsksForAPostgresStore()
    {
        using var folder = new Some.TempFolder();
        var (code, _, errors) = Run("analyze", PostgresArticleStoreTests.RepositoryFolder("samples"), "--enqueue", "--db", folder.File("local.db"));
        code.Should().Be(CliApp.ExitUsage);
        errors.Should().Contain("analyze --enqueue").And.Contain("postgres://").And.Contain("local.db");
        File.Exists(folder.File("local.db")).Should().BeFalse("nothing is analysed in process instead");
    }

    [PostgresFact]
    public void AnalyzeEnqueueFilesTheReportsForWorkersInsteadOfAnalysingThem()
    {
        using var server = new TestPostgres();
        using var folder = new Some.TempFolder();
        var samples = PostgresArticleStoreTests.RepositoryFolder("samples");
        var outDir = folder.File("dossier");

        var withOut = Run("analyze", samples, "--enqueue", "--db", server.Url, "--out", outDir);
        withOut.Code.Should().Be(CliApp.ExitUsage, "a dossier folder cannot be honoured before the workers are done");
        withOut.Errors.Should().Contain("--out").And.Contain("crosscheck dossier");

        var queued = Run("analyze", samples, "--enqueue", "--db", server.Url, "--reference-date", "2025-06-01");
        queued.Code.Should().Be(CliApp.ExitOk, queued.Errors);
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(queued.Output, @"queued (\d+) reports in \d+ jobs").Groups[1].Value);
        count.Should().BeGreaterThan(5);
        server.Scalar("SELECT count(*) FROM articles;").Should().Be(0, "the reports wait for workers");
        server.Scalar("SELECT count(*) FROM jobs WHERE state = 'queued';").Should().Be(1, "the samples fit in one job of 32, and the refused run queued nothing");
        server.Scalar("SELECT count(*) FROM jobs WHERE reference_date = '2025-06-01';").Should().Be(1, "the reference date travels with the job");
        Directory.Exists(outDir).Should().BeFalse("no dossier before the workers are done");

        var worker = Run("worker", "--db", server.Url, "--exit-when-idle", "--threads", "1", "--poll", "0.1");
        worker.Code.Should().Be(CliApp.ExitOk, worker.Errors);
        server.Scalar("SELECT count(*) FROM articles;").Should().Be(count);

        var again = Run("analyze", samples, "--enqueue", "--db", server.Url, "--reference-date", "2025-06-01");
        again.Code.Should().Be(CliApp.ExitOk, again.Errors);
        again.Output.Should().Contain("queued 0 reports in 0 jobs").And.Contain($"{count} already stored");
    }
}
