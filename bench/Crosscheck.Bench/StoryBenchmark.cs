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
        // Every analysed report held at once would not fit at 100k (their layers take several
        // GB): reports are put in publication order from their prepared dates, then analysed a
        // chunk at a time just before they are fed, so memory holds the clusterer and one chunk.
        var raws = components.Reader.Read([folder]).Where(i => i.Article is not null).Select(item => item.Article!).ToList();
        var dates = new DateOnly?[raws.Count];
        Parallel.For(0, raws.Count, i => dates[i] = components.Prepare(raws[i]).Published.Date);
        // A watcher meets an undated report when it arrives, beside the reports read with it (the
        // same story's, in the generated folder), not before every dated one.
        DateOnly arrival = DateOnly.MinValue;
        var arrivals = new DateOnly[raws.Count];
        for (int i = 0; i < raws.Count; i++) arrivals[i] = arrival = dates[i] ?? arrival;
        var order = Enumerable.Range(0, raws.Count).OrderBy(i => arrivals[i]).ThenBy(i => i).ToArray();

        var clusterer = new StoryClusterer();
        var dbPath = Path.Combine(folder, "stories.db");
        var clusterTicks = new long[order.Length];
        var storeTicks = new long[order.Length];
        var analysisWatch = new Stopwatch();
        var watch = new Stopwatch();
        GC.Collect();
        long heapBefore = GC.GetTotalMemory(true);
        const int Chunk = 2000;
        using (var store = SqliteArticleStore.Open(dbPath))
        {
            for (int from = 0; from < order.Length; from += Chunk)
            {
                analysisWatch.Start();
                var chunk = new AnalyzedArticle[Math.Min(Chunk, order.Length - from)];
                Parallel.For(0, chunk.Length, k => chunk[k] = components.Pipeline.Analyze(components.Prepare(raws[order[from + k]]), context).Article);
                analysisWatch.Stop();
                // The chunk's analysis garbage is collected here, untimed, so a pause it causes is
                // not counted against the report that happens to be added during it.
                GC.Collect();
                watch.Start();
                for (int k = 0; k < chunk.Length; k++)
                {
                    int i = from + k;
                    long start = Stopwatch.GetTimestamp();
                    clusterer.Add(chunk[k]);
                    long clustered = Stopwatch.GetTimestamp();
                    store.SaveBatch([chunk[k]], []);
                    clusterTicks[i] = clustered - start;
                    storeTicks[i] = Stopwatch.GetTimestamp() - clustered;
                }
                watch.Stop();
            }
        }
        Console.WriteLine($"reports={order.Length} analysis_seconds={analysisWatch.Elapsed.TotalSeconds:0.0} (not part of the figures below)");
        double total = watch.Elapsed.TotalSeconds;
        long heapAfter = GC.GetTotalMemory(true);
        GC.KeepAlive(clusterer);
        GC.KeepAlive(raws);
        int stories = clusterer.Snapshot().Count;
        Console.WriteLine($"stories={stories} seconds={total:0.0} per_report_ms={total * 1000 / order.Length:0.00} " +
            $"clusterer_heap_mb={(heapAfter - heapBefore) / 1048576.0:0} db_bytes_per_report={new FileInfo(dbPath).Length / Math.Max(1, order.Length):0}");
        Console.WriteLine("tenth   cluster p50/p99/max ms    store p50/p99/max ms");
        int tenth = Math.Max(1, order.Length / 10);
        for (int from = 0; from < order.Length; from += tenth)
        {
            int to = Math.Min(order.Length, from + tenth);
            Console.WriteLine($"{from / tenth + 1,5}   {Percentiles(clusterTicks, from, to),-24}  {Percentiles(storeTicks, from, to)}");
        }
        Console.WriteLine($"all     {Percentiles(clusterTicks, 0, order.Length),-24}  {Percentiles(storeTicks, 0, order.Length)}");
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
