using System.Diagnostics;
using System.Globalization;
using Crosscheck.Ingest;
using Crosscheck.Processing;
using Crosscheck.Store;
using Npgsql;

namespace Crosscheck.Bench;

/// <summary>
/// `workers N [W...]`: N generated reports put on the PostgreSQL queue, then drained by W
/// `crosscheck worker` processes (one analysis thread each), for each W. Prints wall time,
/// reports/s, CPU time per report, each worker's peak resident memory and the database size per
/// report. The server is CROSSCHECK_BENCH_POSTGRES (or CROSSCHECK_TEST_POSTGRES); every run uses a
/// fresh schema, dropped afterwards.
/// </summary>
internal static class WorkersBenchmark
{
    public static int Run(int reports, IReadOnlyList<int> workerCounts, int threads)
    {
        var server = Environment.GetEnvironmentVariable("CROSSCHECK_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("CROSSCHECK_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Console.Error.WriteLine("set CROSSCHECK_BENCH_POSTGRES to a postgres:// URL (scripts/pg-test-server.sh start prints one)");
            return 2;
        }
        var folder = Path.Combine(Path.GetTempPath(), $"crosscheck-bench-workers-{reports}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var corpus = new CorpusGenerator().Write(folder, reports);
        Console.WriteLine($"corpus: {corpus.Articles:N0} reports, {corpus.Words:N0} words; cores={Environment.ProcessorCount}, threads per worker={threads}");
        var cli = Path.Combine(AppContext.BaseDirectory, "Crosscheck.Cli.dll");
        foreach (var workers in workerCounts)
        {
            var schema = $"bench_{workers}w_{Guid.NewGuid():N}"[..24];
            var url = server + (server.Contains('?') ? "&" : "?") + "search_path=" + schema;
            try
            {
                RunOnce(url, folder, workers, threads, cli);
            }
            finally
            {
                Drop(server, schema);
            }
        }
        return 0;
    }

    private static void RunOnce(string url, string folder, int workers, int threads, string cli)
    {
        var enqueueClock = Stopwatch.StartNew();
        using (var feeder = PostgresArticleStore.Open(url))
        {
            var queued = QueueFeeder.Enqueue(feeder, new JobQueue(feeder.DataSource), new InputReader(InputLimits.Default).Read([folder]), new DateOnly(2025, 1, 1));
            Console.WriteLine($"  enqueued {queued.Queued:N0} reports in {queued.Jobs:N0} jobs in {enqueueClock.Elapsed.TotalSeconds:0.0} s");
        }
        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, workers).Select(i =>
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { cli, "worker", "--db", url, "--exit-when-idle", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--quiet", "--poll", "0.2", "--name", $"bench{i}" })
            {
                start.ArgumentList.Add(arg);
            }
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) Console.Error.WriteLine($"  worker {i}: {e.Data}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }).ToList();
        var peakKb = new long[workers];
        var cpu = new TimeSpan[workers];
        while (processes.Any(p => !p.HasExited))
        {
            for (int i = 0; i < workers; i++)
            {
                if (processes[i].HasExited) continue;
                peakKb[i] = Math.Max(peakKb[i], ReadStatusKb(processes[i].Id, "VmHWM:"));
                try { cpu[i] = processes[i].TotalProcessorTime; } catch (InvalidOperationException) { }
            }
            Thread.Sleep(100);
        }
        foreach (var process in processes) process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        using var store = PostgresArticleStore.Open(url);
        int stored = store.ArticleCount;
        long articleBytes = store.SizeOnDisk();
        long jobBytes;
        using (var connection = store.DataSource.OpenConnection())
        using (var size = new NpgsqlCommand("SELECT pg_total_relation_size('jobs')", connection))
        {
            jobBytes = Convert.ToInt64(size.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"workers={workers} reports={stored} seconds={seconds:0.0} reports_per_s={stored / seconds:0.0} " +
            $"cpu_ms_per_report={cpu.Sum(c => c.TotalMilliseconds) / Math.Max(1, stored):0.0} " +
            $"peak_rss_mb_per_worker={string.Join('/', peakKb.Select(kb => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture)))} " +
            $"articles_kb_per_report={articleBytes / 1024.0 / Math.Max(1, stored):0.0} jobs_kb_per_report={jobBytes / 1024.0 / Math.Max(1, stored):0.0} " +
            $"exit_codes={string.Join('/', processes.Select(p => p.ExitCode))}"));
    }

    private static long ReadStatusKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException) { } // the process just ended
        return 0;
    }

    private static void Drop(string server, string schema)
    {
        var builder = PostgresConnectionString.Parse(server);
        using var connection = new NpgsqlConnection(builder.ToString());
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        drop.ExecuteNonQuery();
    }
}
