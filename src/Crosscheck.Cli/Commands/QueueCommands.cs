using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Crosscheck.Ingest;
using Crosscheck.Processing;
using Crosscheck.Report;
using Crosscheck.Store;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// Many workers sharing one PostgreSQL store: `crosscheck enqueue`, `crosscheck worker`,
/// `crosscheck status`, and `crosscheck dossier` (the dossier from whatever store --db names).
/// </summary>
internal static class QueueCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        yield return Enqueue(output, error);
        yield return Worker(output, error);
        yield return Status(output);
        yield return DossierCommand(output);
        yield return SearchCommand.Create(output);
    }

    private static Option<string> DbOption(bool postgresOnly) => new("--db")
    {
        Description = postgresOnly
            ? "The shared PostgreSQL store: postgres://user@host/db or Host=...;Database=... (CROSSCHECK_DB if not given)."
            : "The store: an SQLite file, or PostgreSQL as postgres://user@host/db (CROSSCHECK_DB if not given).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CROSSCHECK_DB") ?? (postgresOnly ? "" : "crosscheck.db"),
    };

    private static PostgresArticleStore OpenPostgres(string db, string command)
    {
        if (string.IsNullOrWhiteSpace(db) || !StoreFactory.IsPostgres(db))
        {
            throw new UsageException($"`crosscheck {command}` shares work through PostgreSQL: pass --db postgres://user@host/database (got '{StoreFactory.DisplayName(db)}').");
        }
        return PostgresArticleStore.Open(db);
    }

    private static Command Enqueue(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (read recursively): .txt, .json, .jsonl, .html.", Arity = ArgumentArity.OneOrMore };
        var db = DbOption(postgresOnly: true);
        var referenceDate = new Option<string?>("--reference-date") { Description = "YYYY-MM-DD anchor for relative dates in undated reports (default: today); travels with the jobs." };
        var jobSize = new Option<int>("--job-size") { Description = "Reports per job: one transaction each.", DefaultValueFactory = _ => 32 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems." };
        var command = new Command("enqueue", "Put reports on the shared queue for `crosscheck worker` processes.") { paths, db, referenceDate, jobSize, quiet };
        command.SetAction(parsed =>
        {
            int size = parsed.GetValue(jobSize);
            if (size < 1) throw new UsageException("--job-size must be at least 1.");
            var date = AnalyzeCommand.ParseReferenceDate(parsed.GetValue(referenceDate));
            return RunEnqueue(parsed.GetValue(paths)!, parsed.GetValue(db)!, date, size, parsed.GetValue(quiet), "enqueue", output, error);
        });
        return command;
    }

    /// <summary>Reads the inputs on this machine and puts their reports on the queue (`enqueue`, and `analyze --enqueue`).</summary>
    internal static int RunEnqueue(string[] paths, string db, DateOnly referenceDate, int reportsPerJob, bool quiet, string command, TextWriter output, TextWriter error)
    {
        using var store = OpenPostgres(db, command);
        var listener = new ConsoleAnalysisListener(error, quiet);
        var summary = QueueFeeder.Enqueue(store, new JobQueue(store.DataSource), new InputReader(InputLimits.Default).Read(paths),
            referenceDate, reportsPerJob, listener);
        if (!quiet)
        {
            output.WriteLine($"read {summary.Read:N0}: queued {summary.Queued:N0} reports in {summary.Jobs:N0} jobs, " +
                $"{summary.AlreadyStored:N0} already stored, {summary.Skipped:N0} skipped, {summary.Rejected:N0} rejected");
        }
        if (summary.Read == 0)
        {
            error.WriteLine($"crosscheck: nothing readable in {string.Join(", ", paths)}.");
            return CliApp.ExitSomeInputsRejected;
        }
        return summary.Rejected > 0 ? CliApp.ExitSomeInputsRejected : CliApp.ExitOk;
    }

    private static Command Worker(TextWriter output, TextWriter error)
    {
        var db = DbOption(postgresOnly: true);
        var name = new Option<string?>("--name") { Description = "This worker's name in `crosscheck status` (default: host:pid)." };
        var lease = new Option<int>("--lease") { Description = "Seconds a claimed job stays this worker's without renewal; a dead worker's job is taken again after it.", DefaultValueFactory = _ => 120 };
        var threads = new Option<int?>("--threads") { Description = "Reports analysed in parallel (default: the number of cores)." };
        var exitWhenIdle = new Option<bool>("--exit-when-idle") { Description = "Stop when the queue is empty instead of waiting for more." };
        var poll = new Option<double>("--poll") { Description = "Seconds between looks at an empty queue.", DefaultValueFactory = _ => 2 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems." };
        var command = new Command("worker", "Analyse queued reports into the shared PostgreSQL store until stopped (SIGTERM finishes the current job first).")
            { db, name, lease, threads, exitWhenIdle, poll, quiet };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(lease) < 3) throw new UsageException("--lease must be at least 3 seconds.");
            if (parsed.GetValue(threads) is < 1) throw new UsageException("--threads must be at least 1.");
            using var store = OpenPostgres(parsed.GetValue(db)!, "worker");
            var options = new WorkerOptions(parsed.GetValue(name) ?? WorkerOptions.DefaultName(), TimeSpan.FromSeconds(parsed.GetValue(lease)),
                TimeSpan.FromSeconds(Math.Max(0.05, parsed.GetValue(poll))), parsed.GetValue(exitWhenIdle), parsed.GetValue(threads));
            using var stop = new CancellationTokenSource();
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true; // finish the job in hand, then exit
                stop.Cancel();
            }
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            var listener = new ConsoleWorkerListener(output, error, parsed.GetValue(quiet));
            if (!parsed.GetValue(quiet)) output.WriteLine($"worker {options.Name}: waiting for jobs in {PostgresConnectionString.Redacted(parsed.GetValue(db)!)}");
            var summary = new QueueWorker(store, new JobQueue(store.DataSource), date => Components.CreateDefault(date), options).Run(listener, stop.Token);
            if (!parsed.GetValue(quiet))
            {
                output.WriteLine($"worker {options.Name}: {summary.Jobs:N0} jobs, {summary.Stored:N0} reports stored, {summary.Unchanged:N0} already stored, " +
                    $"{summary.Rejected:N0} rejected, {summary.Failures:N0} failed attempts");
            }
            return summary.Failures > 0 ? CliApp.ExitFailure : CliApp.ExitOk;
        });
        return command;
    }

    private static Command Status(TextWriter output)
    {
        var db = DbOption(postgresOnly: true);
        var window = new Option<int>("--window") { Description = "Minutes over which throughput is measured.", DefaultValueFactory = _ => 5 };
        var command = new Command("status", "Show the shared queue: depth, jobs in flight, throughput, failures.") { db, window };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(window) < 1) throw new UsageException("--window must be at least 1 minute.");
            using var store = OpenPostgres(parsed.GetValue(db)!, "status");
            var status = new JobQueue(store.DataSource).Status(TimeSpan.FromMinutes(parsed.GetValue(window)));
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"queued:    {status.QueuedJobs:N0} jobs ({status.QueuedReports:N0} reports)"));
            output.WriteLine(string.Create(inv, $"in flight: {status.RunningJobs:N0} jobs held by {status.Workers:N0} workers; {status.ExpiredLeases:N0} with an expired lease (to be taken again)"));
            output.WriteLine(string.Create(inv, $"done:      {status.DoneJobs:N0} jobs; {status.ReportsInWindow:N0} reports in the last {status.Window.TotalMinutes:0} min ({status.ReportsInWindow / status.Window.TotalMinutes:0.#}/min)"));
            output.WriteLine(string.Create(inv, $"failed:    {status.FailedJobs:N0} jobs"));
            foreach (var failure in status.RecentFailures) output.WriteLine($"  {failure}");
            output.WriteLine(string.Create(inv, $"store:     {status.StoredReports:N0} reports, {status.Problems:N0} inputs with problems"));
            return status.FailedJobs > 0 ? CliApp.ExitSomeInputsRejected : CliApp.ExitOk;
        });
        return command;
    }

    private static Command DossierCommand(TextWriter output)
    {
        var db = DbOption(postgresOnly: false);
        var outDir = new Option<string>("--out") { Description = "Folder for dossier.json, dossier.md and dossier.html.", DefaultValueFactory = _ => "dossier" };
        var referenceDate = new Option<string?>("--reference-date") { Description = "YYYY-MM-DD the dossier is written as of (default: today)." };
        var command = new Command("dossier", "Write the dossier of everything in a store (after workers have analysed the queue).") { db, outDir, referenceDate };
        command.SetAction(parsed =>
        {
            var dbValue = parsed.GetValue(db)!;
            if (!StoreFactory.IsPostgres(dbValue) && !File.Exists(dbValue)) throw new UsageException($"no database at '{dbValue}'; run `crosscheck analyze` first or pass --db.");
            var date = AnalyzeCommand.ParseReferenceDate(parsed.GetValue(referenceDate));
            using var store = StoreFactory.Open(dbValue);
            var dossier = Components.CreateDefault(date).BuildDossier(store.ReadAll().ToList(), date);
            foreach (var file in DossierFiles.WriteAll(dossier, parsed.GetValue(outDir)!)) output.WriteLine($"wrote {Path.GetFullPath(file)}");
            return CliApp.ExitOk;
        });
        return command;
    }
}

/// <summary>One line per job on stdout; problems on stderr as `analyze` prints them.</summary>
internal sealed class ConsoleWorkerListener(TextWriter output, TextWriter error, bool quiet) : IWorkerListener
{
    private readonly ConsoleAnalysisListener _reports = new(error, quiet);

    public void OnClaimed(ClaimedJob job) { }

    public void OnCompleted(ClaimedJob job, int stored, RunSummary run, TimeSpan elapsed)
    {
        if (quiet) return;
        lock (output)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"job {job.Id}{(job.Attempt > 1 ? $" (attempt {job.Attempt})" : "")}: {job.Reports.Count} reports, {stored} stored, {job.Reports.Count - stored - run.Rejected} already stored, {run.Rejected} rejected in {elapsed.TotalSeconds:0.0} s"));
        }
    }

    public void OnFailed(ClaimedJob job, string message)
    {
        lock (error) error.WriteLine($"job {job.Id}: failed, given back to the queue: {message}");
    }

    public void OnLeaseLost(ClaimedJob job, string message)
    {
        lock (error) error.WriteLine($"job {job.Id}: {message}");
    }

    public void OnDatabaseUnavailable(string message)
    {
        lock (error) error.WriteLine($"crosscheck worker: the database does not answer ({message}); trying again");
    }

    public void OnAnalyzed(AnalyzedArticle article) => _reports.OnAnalyzed(article);
    public void OnUnchanged(string location, string id) => _reports.OnUnchanged(location, id);
    public void OnSkipped(string location, string reason) => _reports.OnSkipped(location, reason);
    public void OnProblem(InputProblem problem) => _reports.OnProblem(problem);
    public void OnStageFailure(string location, StageFailure failure) => _reports.OnStageFailure(location, failure);
}
