using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Crosscheck.Processing;
using Crosscheck.Store;

namespace Crosscheck.Bench;

/// <summary>
/// `dotnet run -c Release --project bench/Crosscheck.Bench -- COMMAND`:
///   generate DIR N          write a synthetic corpus of N reports (with manifest.tsv and gold.tsv)
///   analyze N [N...]        generate N reports, analyse them end to end into a fresh SQLite store, print figures
///   stories N [N...]        per-report cost of story assignment and of storing one report, as N grows
///   copies N [N...]         generate N reports, prepare them, time the copy detector alone and score it on the manifest
///   workers N [W...]        N reports on the PostgreSQL queue, drained by W `crosscheck worker` processes (default 1 2 4);
///                           --one-store [--fresh K] [--grow-to M]: one growing store, fresh batches at its size (see WorkersBenchmark)
///   micro [filter]          BenchmarkDotNet micro-benchmarks of the stages
///   extractors DATASETS [R] times + quantities throughput on the Recognizers specs and TempEval-3 texts (see bench/recognizers-compare)
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        const string Usage = "usage: generate DIR N | analyze N [N...] | stories N [N...] | copies N [N...] | workers N [W...] | extractors DATASETS [ROUNDS] | micro [BenchmarkDotNet args]";
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        try
        {
            return Dispatch(args);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or IndexOutOfRangeException)
        {
            // A bench run is started by hand: a mistyped count gets the usage line, not a stack trace.
            Console.Error.WriteLine(ex is IndexOutOfRangeException ? $"{args[0]}: missing arguments" : $"{args[0]}: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private static int Dispatch(string[] args)
    {
        switch (args[0])
        {
            case "generate":
                var corpus = new CorpusGenerator().Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
                Console.WriteLine($"wrote {corpus.Articles} reports, {corpus.Words:N0} words to {corpus.Folder}");
                return 0;
            case "analyze":
                foreach (var n in args.Skip(1)) AnalyzeBenchmark.Run(int.Parse(n, CultureInfo.InvariantCulture));
                return 0;
            case "stories":
                foreach (var n in args.Skip(1)) StoryBenchmark.Run(int.Parse(n, CultureInfo.InvariantCulture));
                return 0;
            case "extractors":
                ExtractorBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
                return 0;
            case "copies":
                foreach (var n in args.Skip(1)) CopyBenchmark.Run(int.Parse(n, CultureInfo.InvariantCulture));
                return 0;
            case "workers":
                return WorkersBenchmark.Run(args[1..]);
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'");
                return 2;
        }
    }
}

/// <summary>End-to-end throughput of `analyze` (read, clean, all stages, store), without the dossier step.</summary>
internal static class AnalyzeBenchmark
{
    public static void Run(int articles)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crosscheck-bench-{articles}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var corpus = new CorpusGenerator().Write(folder, articles);
        var dbPath = Path.Combine(folder, "bench.db");
        var components = Components.CreateDefault(new DateOnly(2025, 1, 1));
        var samples = new List<(int Analyzed, long ManagedBytes)>();
        var listener = new SamplingListener(samples);
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        RunSummary summary;
        using (var store = SqliteArticleStore.Open(dbPath))
        {
            var analyzer = new BatchAnalyzer(components.Pipeline, components.Prepare, store, new AnalysisContext(new DateOnly(2025, 1, 1)));
            summary = analyzer.Run(components.Reader.Read([folder]), listener);
        }
        stopwatch.Stop();
        process.Refresh();
        double seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"articles={summary.Analyzed} words={corpus.Words} seconds={seconds:0.00} " +
            $"articles_per_s={summary.Analyzed / seconds:0} words_per_s={corpus.Words / seconds:0} " +
            $"peak_working_set_mb={process.PeakWorkingSet64 / 1048576.0:0} cores={Environment.ProcessorCount}");
        Console.WriteLine("managed heap after batches (analysed: MB): " + string.Join(", ",
            samples.Where((_, i) => i % Math.Max(1, samples.Count / 8) == 0 || i == samples.Count - 1)
                   .Select(s => $"{s.Analyzed}: {s.ManagedBytes / 1048576.0:0}")));
    }

    private sealed class SamplingListener(List<(int, long)> samples) : IAnalysisListener
    {
        private int _analyzed;

        public void OnAnalyzed(AnalyzedArticle article)
        {
            if (++_analyzed % 64 == 0) samples.Add((_analyzed, GC.GetTotalMemory(false)));
        }

        public void OnUnchanged(string location, string id) { }

        public void OnSkipped(string location, string reason) { }

        public void OnProblem(InputProblem problem) => Console.Error.WriteLine($"{problem.Location}: {problem.Message}");

        public void OnStageFailure(string location, StageFailure failure) => Console.Error.WriteLine($"{location}: {failure.Stage}: {failure.Message}");
    }
}

/// <summary>
/// Runtime of the copy detector alone (MinHash sketches, LSH buckets, verdicts, families) on a
/// generated corpus, after reading and cleaning (not timed), with its pair scores on the manifest.
/// The corpus stays in the temp folder and is reused by a later run of the same size (the
/// generator is deterministic); delete it when done.
/// </summary>
internal static class CopyBenchmark
{
    public static void Run(int articles)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crosscheck-copies-{articles}");
        if (!File.Exists(Path.Combine(folder, "manifest.tsv")))
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            new CorpusGenerator().Write(folder, articles);
        }
        var components = Components.CreateDefault(new DateOnly(2025, 1, 1));
        var raws = components.Reader.Read([folder]).Where(item => item.Article is not null).Select(item => item.Article!).ToList();
        var inputs = new Crosscheck.Copies.CopyInput[raws.Count];
        Parallel.For(0, raws.Count, i => inputs[i] = Crosscheck.Copies.CopyInput.From(components.Prepare(raws[i])));
        raws.Clear();
        var detector = new Crosscheck.Copies.CopyDetector();
        detector.Detect(inputs.Take(200).ToList());
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var analysis = detector.Detect(inputs);
        stopwatch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var gold = Crosscheck.Evaluation.Copies.CopyEvaluation.ReadManifest(Path.Combine(folder, "manifest.tsv"));
        var metrics = Crosscheck.Evaluation.Copies.CopyScorer.Score(gold, analysis.GroupOf).ToDictionary(m => m.Name, m => m.Value);
        double seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"articles={inputs.Length} detect_seconds={seconds:0.000} articles_per_s={inputs.Length / seconds:0} " +
            $"allocated_mb={allocated / 1048576.0:0} cores={Environment.ProcessorCount} " +
            $"pairs_precision={metrics["pairs.precision"]:0.0000} pairs_recall={metrics["pairs.recall"]:0.0000} pairs_f1={metrics["pairs.f1"]:0.0000} " +
            $"derived_grouped={metrics["derived.grouped"]:0.0000} independent_alone={metrics["independent.alone"]:0.0000}");
    }
}
