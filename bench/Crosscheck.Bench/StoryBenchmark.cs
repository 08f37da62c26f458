using System.Collections.Concurrent;
using System.Diagnostics;
using Crosscheck.Processing;
using Crosscheck.Stories;
using Crosscheck.Store;

namespace Crosscheck.Bench;

/// <summary>
/// `stories N [N...]`: the cost of the incremental half of adding a report. N generated reports
/// are analysed (not timed), then fed one at a time to the story clusterer and to a SQLite store
/// as single-report batches, as a watcher adds them; prints the per-report latency of each
/// (p50, p99, max) by tenth of the stream, so growth with the store's size is visible.
/// </summary>
internal static class StoryBenchmark
{
    public static void Run(int count)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crosscheck-stories-{count}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        new CorpusGenerator().Write(folder, count);
        var reference = new DateOnly(2025, 1, 1);
        var components = Components.CreateDefault(reference);
        var context = new AnalysisContext(reference);
        var analysed = new ConcurrentBag<(int Order, AnalyzedArticle Article)>();
        var raws = components.Reader.Read([folder]).Where(i => i.Article is not null).Select((item, i) => (i, item.Article!)).ToList();
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(raws, pair => analysed.Add((pair.i, components.Pipeline.Analyze(components.Prepare(pair.Item2), context).Article)));
        Console.WriteLine($"reports={raws.Count} analysis_seconds={watch.Elapsed.TotalSeconds:0.0} (not part of the figures below)");
        var ordered = analysed.OrderBy(a => a.Article.Article.Published.Date ?? DateOnly.MinValue).ThenBy(a => a.Order).Select(a => a.Article).ToList();

        var clusterer = new StoryClusterer();
        var dbPath = Path.Combine(folder, "stories.db");
        var clusterTicks = new long[ordered.Count];
        var storeTicks = new long[ordered.Count];
        GC.Collect();
        long heapBefore = GC.GetTotalMemory(true);
        watch.Restart();
        using (var store = SqliteArticleStore.Open(dbPath))
        {
            for (int i = 0; i < ordered.Count; i++)
            {
                long start = Stopwatch.GetTimestamp();
                clusterer.Add(ordered[i]);
                long clustered = Stopwatch.GetTimestamp();
                store.SaveBatch([ordered[i]], []);
                clusterTicks[i] = clustered - start;
                storeTicks[i] = Stopwatch.GetTimestamp() - clustered;
            }
        }
        double total = watch.Elapsed.TotalSeconds;
        long heapAfter = GC.GetTotalMemory(true);
        GC.KeepAlive(clusterer);
        int stories = clusterer.Snapshot().Count;
        Console.WriteLine($"stories={stories} seconds={total:0.0} per_report_ms={total * 1000 / ordered.Count:0.00} " +
            $"clusterer_heap_mb={(heapAfter - heapBefore) / 1048576.0:0} db_bytes_per_report={new FileInfo(dbPath).Length / Math.Max(1, ordered.Count):0}");
        Console.WriteLine("tenth   cluster p50/p99/max ms    store p50/p99/max ms");
        int tenth = Math.Max(1, ordered.Count / 10);
        for (int from = 0; from < ordered.Count; from += tenth)
        {
            int to = Math.Min(ordered.Count, from + tenth);
            Console.WriteLine($"{from / tenth + 1,5}   {Percentiles(clusterTicks, from, to),-24}  {Percentiles(storeTicks, from, to)}");
        }
        Console.WriteLine($"all     {Percentiles(clusterTicks, 0, ordered.Count),-24}  {Percentiles(storeTicks, 0, ordered.Count)}");
        Directory.Delete(folder, recursive: true);
    }

    private static string Percentiles(long[] ticks, int from, int to)
    {
        var slice = ticks[from..to];
        Array.Sort(slice);
        double Ms(double q) => slice[Math.Min(slice.Length - 1, (int)(q * slice.Length))] * 1000.0 / Stopwatch.Frequency;
        return $"{Ms(0.5):0.00}/{Ms(0.99):0.00}/{slice[^1] * 1000.0 / Stopwatch.Frequency:0.00}";
    }
}
