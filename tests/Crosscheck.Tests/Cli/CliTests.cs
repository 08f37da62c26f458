using Crosscheck.Cli;
using Crosscheck.Store;
using FluentAssertions;

namespace Crosscheck.Tests.Cli;

public class CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static void WriteReport(string path, string date, string body) =>
        File.WriteAllText(path, $" date {date} {body}");

    [Fact]
    public void HelpListsTheCommandsWithExamplesAndExitCodes()
    {
        var (exit, output, _) = Run("--help");
        exit.Should().Be(0);
        output.Should().Contain("analyze").And.Contain("eval").And.Contain("Examples:").And.Contain("Exit codes");
    }

    [Fact]
    public void AnUnknownOptionIsAUsageError()
    {
        var (exit, _, error) = Run("analyze", "x", "--no-such-option");
        exit.Should().Be(CliApp.ExitUsage);
        error.Should().Contain("--no-such-option");
    }

    [Fact]
    public void AnalyzeWritesTheDossierFilesAndAddsToTheSameStoreOnASecondRun()
    {
        using var folder = new Some.TempFolder();
        var input = Directory.CreateDirectory(folder.File("in")).FullName;
        WriteReport(Path.Combine(input, "valley.txt"), "2025-03-10",
            "The river authority said on Saturday that at least 12 people were injured when the levee near Arles failed.");
        WriteReport(Path.Combine(input, "harbor.txt"), "2025-03-10",
            "At least 12 people were injured after a levee near Arles failed on Saturday, the river authority said.");
        var db = folder.File("c.db");
        var outDir = folder.File("out");

        var (exit, output, error) = Run("analyze", input, "--db", db, "--out", outDir);
        exit.Should().Be(CliApp.ExitOk, error);
        output.Should().Contain("dossier:");
        File.Exists(Path.Combine(outDir, "dossier.json")).Should().BeTrue();
        File.Exists(Path.Combine(outDir, "dossier.md")).Should().BeTrue();
        File.Exists(Path.Combine(outDir, "dossier.html")).Should().BeTrue();

        WriteReport(Path.Combine(input, "courier.txt"), "2025-03-11", "Engineers began repairing the levee near Arles on Monday.");
        var second = Run("analyze", input, "--db", db, "--out", outDir, "--quiet");
        second.Exit.Should().Be(CliApp.ExitOk, second.Err);
        using var store = SqliteArticleStore.Open(db);
        store.ArticleCount.Should().Be(3);
    }

    [Fact]
    public void AMissingPathIsNamedAndTheOtherInputsAreStillAnalysed()
    {
        using var folder = new Some.TempFolder();
        WriteReport(folder.File("ok.txt"), "2025-03-10", "Officials said the bridge reopened on Monday.");
        var missing = folder.File("nowhere.txt");
        var (exit, _, error) = Run("analyze", folder.File("ok.txt"), missing, "--db", folder.File("c.db"), "--out", folder.File("out"), "--quiet");
        exit.Should().Be(CliApp.ExitSomeInputsRejected);
        error.Should().Contain("nowhere.txt");
        using var store = SqliteArticleStore.Open(folder.File("c.db"));
        store.ArticleCount.Should().Be(1);
    }

    [Fact]
    public void EvalRejectsAnUnknownTaskAndListsTheKnownOnes()
    {
        using var folder = new Some.TempFolder();
        var (exit, _, error) = Run("eval", "nonsense", folder.Path);
        exit.Should().Be(CliApp.ExitUsage);
        error.Should().Contain("unknown task 'nonsense'").And.Contain("times");
    }

    [Fact]
    public void EvalErrorsFileThatCannotBeWrittenIsAUsageErrorBeforeScoring()
    {
        using var folder = new Some.TempFolder();
        var (exit, output, error) = Run("eval", "status", folder.Path, "--errors", folder.File("missing-folder/misses.tsv"));
        exit.Should().Be(CliApp.ExitUsage);
        error.Should().Contain("missing-folder");
        output.Should().NotContain("status:");

        (exit, _, error) = Run("eval", "status", folder.Path, "--errors", " ");
        exit.Should().Be(CliApp.ExitUsage);
        error.Should().Contain("--errors needs a file name");
    }

    [Fact]
    public void AnInvalidReferenceDateIsAUsageError()
    {
        using var folder = new Some.TempFolder();
        var (exit, _, error) = Run("analyze", folder.Path, "--reference-date", "16/12/2024", "--db", folder.File("c.db"));
        exit.Should().Be(CliApp.ExitUsage);
        error.Should().Contain("YYYY-MM-DD");
    }
}
