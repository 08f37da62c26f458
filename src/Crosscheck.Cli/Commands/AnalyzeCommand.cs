using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crosscheck.Processing;
using Crosscheck.Report;
using Crosscheck.Store;
using Spectre.Console;

namespace Crosscheck.Cli.Commands;

/// <summary>`crosscheck analyze PATH...`: reads reports, stores their analyses, writes the dossier.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (read recursively): .txt, .json, .jsonl, .html.", Arity = ArgumentArity.OneOrMore };
        // A mistyped option would otherwise be taken for a path and reported as a missing file.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && !File.Exists(t.Value) && !Directory.Exists(t.Value)))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });
        var outDir = new Option<string>("--out") { Description = "Folder for dossier.json, dossier.md and dossier.html.", DefaultValueFactory = _ => "dossier" };
        var db = new Option<string>("--db") { Description = "Store that keeps every analysis (a second run adds to it): an SQLite file, or PostgreSQL as postgres://user@host/db.", DefaultValueFactory = _ => "crosscheck.db" };
        var referenceDate = new Option<string?>("--reference-date") { Description = "YYYY-MM-DD anchor for relative dates in reports whose own date is unknown (default: today)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems, no progress or summary." };
        var noDossier = new Option<bool>("--no-dossier") { Description = "Only analyse and store; do not write the dossier files." };
        var enqueue = new Option<bool>("--enqueue")
        {
            Description = "Put the reports on the PostgreSQL store's job queue for `crosscheck worker` processes instead of analysing them here "
                + "(as `crosscheck enqueue`); no dossier is written: `crosscheck dossier` writes it once the workers are done.",
        };
        var command = new Command("analyze", "Analyse news reports and write a cross-checked dossier.") { paths, outDir, db, referenceDate, quiet, noDossier, enqueue };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(enqueue) && (parsed.GetResult(outDir) is { Implicit: false } || parsed.GetValue(noDossier)))
            {
                // Said at once rather than ignored: the user expects a dossier in --out, and none can exist before the workers are done.
                throw new UsageException("--enqueue writes no dossier, so --out and --no-dossier do not apply; run `crosscheck dossier --db ... --out FOLDER` once the workers are done.");
            }
            return RunAnalyzeOrEnqueue(parsed);
        });
        return command;

        int RunAnalyzeOrEnqueue(ParseResult parsed) => parsed.GetValue(enqueue)
            ? QueueCommands.RunEnqueue(parsed.GetValue(paths)!, parsed.GetValue(db)!, ParseReferenceDate(parsed.GetValue(referenceDate)),
                reportsPerJob: 32, parsed.GetValue(quiet), "analyze --enqueue", output, error)
            : Run(
            parsed.GetValue(paths)!,
            parsed.GetValue(outDir)!,
            parsed.GetValue(db)!,
            ParseReferenceDate(parsed.GetValue(referenceDate)),
            parsed.GetValue(quiet),
            parsed.GetValue(noDossier),
            output,
            error);
    }

    internal static DateOnly ParseReferenceDate(string? value)
    {
        if (value is null) return DateOnly.FromDateTime(DateTime.Today); // the CLI is the one place that may read the clock
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--reference-date '{value}' is not a date in the form YYYY-MM-DD.");
    }

    private static int Run(string[] paths, string outDir, string dbPath, DateOnly referenceDate, bool quiet, bool noDossier, TextWriter output, TextWriter error)
    {
        var stopwatch = Stopwatch.StartNew();
        IArticleStore store;
        try
        {
            store = StoreFactory.Open(dbPath);
        }
        catch (StoreException ex)
        {
            error.WriteLine($"crosscheck: {ex.Message}");
            return CliApp.ExitUsage;
        }
        using (store)
        {
            var components = Components.CreateDefault(referenceDate);
            var analyzer = new BatchAnalyzer(components.Pipeline, components.Prepare, store, new AnalysisContext(referenceDate));
            var listener = new ConsoleAnalysisListener(error, quiet);
            var items = components.Reader.Read(paths);
            var summary = ProgressDisplay.Run(() => analyzer.Run(items, listener), listener, quiet, output);

            IReadOnlyList<string>? files = null;
            Dossier? dossier = null;
            if (!noDossier)
            {
                dossier = components.BuildDossier(store.ReadAll().ToList(), referenceDate);
                files = DossierFiles.WriteAll(dossier, outDir);
            }
            if (!quiet) SummaryTable.Print(output, summary, dossier, files, stopwatch.Elapsed, store.ArticleCount, StoreFactory.DisplayName(dbPath));
            if (summary.Read == 0)
            {
                error.WriteLine($"crosscheck: nothing readable in {string.Join(", ", paths)}.");
                return CliApp.ExitSomeInputsRejected;
            }
            return summary.Rejected > 0 ? CliApp.ExitSomeInputsRejected : CliApp.ExitOk;
        }
    }
}

/// <summary>Writes each problem (and, unless quiet, each skipped file) as one line on stderr as it happens, and counts progress for the display.</summary>
internal sealed class ConsoleAnalysisListener(TextWriter error, bool quiet) : IAnalysisListener
{
    private int _analyzed;
    private int _unchanged;
    private int _problems;

    public int Analyzed => Volatile.Read(ref _analyzed);
    public int Unchanged => Volatile.Read(ref _unchanged);
    public int Problems => Volatile.Read(ref _problems);

    public void OnAnalyzed(AnalyzedArticle article) => Interlocked.Increment(ref _analyzed);

    public void OnUnchanged(string location, string id) => Interlocked.Increment(ref _unchanged);

    public void OnSkipped(string location, string reason)
    {
        if (quiet) return; // not a problem, so --quiet does not show it
        lock (error) error.WriteLine($"{location}: {reason}");
    }

    public void OnProblem(InputProblem problem)
    {
        Interlocked.Increment(ref _problems);
        lock (error) error.WriteLine($"{problem.Location}: {problem.Message}");
    }

    public void OnStageFailure(string location, StageFailure failure)
    {
        lock (error) error.WriteLine($"{location}: stage '{failure.Stage}' failed, the report is kept without it: {failure.Message}");
    }
}

/// <summary>Shows a live progress display only when the work lasts over a second on a terminal; plain lines otherwise.</summary>
internal static class ProgressDisplay
{
    public static RunSummary Run(Func<RunSummary> work, ConsoleAnalysisListener listener, bool quiet, TextWriter output)
    {
        var task = Task.Run(work);
        if (quiet || task.Wait(TimeSpan.FromSeconds(1))) return task.GetAwaiter().GetResult();
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (terminal)
        {
            AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var progress = context.AddTask("analysing").IsIndeterminate();
                    while (!task.Wait(TimeSpan.FromMilliseconds(200)))
                    {
                        progress.Description = $"analysed {listener.Analyzed:N0}, unchanged {listener.Unchanged:N0}, rejected {listener.Problems:N0}";
                    }
                    progress.StopTask();
                });
        }
        else
        {
            while (!task.Wait(TimeSpan.FromSeconds(5)))
            {
                output.WriteLine($"analysed {listener.Analyzed:N0}, unchanged {listener.Unchanged:N0}, rejected {listener.Problems:N0}");
            }
        }
        return task.GetAwaiter().GetResult();
    }
}
