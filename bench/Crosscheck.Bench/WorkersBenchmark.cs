using System.Diagnostics;
using System.Globalization;
using Crosscheck.Ingest;
using Crosscheck.Processing;
using Crosscheck.Store;
using Npgsql;

namespace Crosscheck.Bench;

/// <summary>
/// `workers N [W...] [--one-store] [--grow-to M] [--fresh K]`: N generated reports put on the
/// PostgreSQL queue and drained by W `crosscheck worker` processes (one analysis thread each).
/// Prints wall time, reports/s, the workers' CPU time per report, the database server's CPU time per
/// report (when CROSSCHECK_BENCH_PG_DATA names the server's data directory), each worker's peak
/// resident memory and the database size per report. The server is CROSSCHECK_BENCH_POSTGRES (or
/// CROSSCHECK_TEST_POSTGRES); every run uses a fresh schema, dropped afterwards.
/// <list type="bullet">
/// <item>Without <c>--one-store</c>, each W drains all N reports into its own fresh schema.</item>
/// <item>With <c>--one-store</c>, the N reports are split into one consecutive share per W, drained
/// in turn into one schema that grows to N (the whole corpus is analysed once, not once per W).</item>
/// <item><c>--fresh K</c> then drains K newly generated reports (another seed, <c>--fresh-seed S</c>, default 7) with one worker: the
/// per-report cost of a fresh batch at the store's size. <c>--grow-to M</c> then fills the store
/// to M rows with SQL copies of the stored rows (new id, hash and location; the search columns and
/// indexes are computed for every copy) and drains another fresh batch of K at that size.</item>
/// </list>
/// </summary>
internal static class WorkersBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        int reports = int.Parse(args[0], CultureInfo.InvariantCulture);
        var workerCounts = new List<int>();
        bool oneStore = false;
        string? reuse = null;
        int growTo = 0, fresh = 0, freshSeed = 7;
        for (int i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--one-store": oneStore = true; break;
                case "--grow-to": growTo = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--reuse": reuse = args[++i]; oneStore = true; break;
                case "--fresh": fresh = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--fresh-seed": freshSeed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: workerCounts.Add(int.Parse(args[i], CultureInfo.InvariantCulture)); break;
            }
        }
        if (workerCounts.Count == 0) workerCounts.AddRange([1, 2, 4]);
        if ((growTo > 0 || fresh > 0) && !oneStore)
        {
            Console.Error.WriteLine("--fresh and --grow-to need --one-store (they measure the store the runs filled)");
            return 2;
        }
        var server = Environment.GetEnvironmentVariable("CROSSCHECK_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("CROSSCHECK_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Console.Error.WriteLine("set CROSSCHECK_BENCH_POSTGRES to a postgres:// URL (scripts/pg-test-server.sh start prints one)");
            return 2;
        }
        var folder = Path.Combine(Path.GetTempPath(), $"crosscheck-bench-workers-{reports}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var corpus = new CorpusGenerator().Write(folder, reports);
        if (reports > 0) Console.WriteLine($"corpus: {corpus.Articles:N0} reports, {corpus.Words:N0} words; cores={Environment.ProcessorCount}, threads per worker=1");
        var cli = Path.Combine(AppContext.BaseDirectory, "Crosscheck.Cli.dll");
        var serverCpu = ServerCpu.FromEnvironment();
        if (!oneStore)
        {
            foreach (var workers in workerCounts)
            {
                var schema = NewSchema($"{workers}w");
                try
                {
                    var url = WithSchema(server, schema);
                    Drain(url, new InputReader(InputLimits.Default).Read([folder]), workers, cli, serverCpu, $"workers={workers}");
                }
                finally
                {
                    Drop(server, schema);
                }
            }
            return 0;
        }

        // --reuse continues with a schema an earlier run kept (CROSSCHECK_BENCH_KEEP=1), e.g. to measure a fresh batch after a stopped fill.
        var storeSchema = reuse ?? NewSchema("one");
        try
        {
            var url = WithSchema(server, storeSchema);
            var items = new InputReader(InputLimits.Default).Read([folder]).ToList();
            int start = 0;
            for (int phase = 0; phase < workerCounts.Count && items.Count > 0; phase++)
            {
                int share = phase == workerCounts.Count - 1 ? items.Count - start : items.Count / workerCounts.Count;
                Drain(url, items.GetRange(start, share), workerCounts[phase], cli, serverCpu, $"workers={workerCounts[phase]} items={start}..{start + share}");
                start += share;
            }
            items.Clear();
            if (fresh > 0) DrainFresh(url, fresh, freshSeed, cli, serverCpu);
            if (growTo > 0)
            {
                Grow(url, growTo);
                if (fresh > 0) DrainFresh(url, fresh, freshSeed + 1, cli, serverCpu);
            }
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("CROSSCHECK_BENCH_KEEP") == "1") Console.WriteLine($"kept schema {storeSchema}");
            else Drop(server, storeSchema);
        }
        return 0;
    }

    private static string NewSchema(string tag) => $"bench_{tag}_{Guid.NewGuid():N}"[..24];

    private static string WithSchema(string server, string schema) => server + (server.Contains('?') ? "&" : "?") + "search_path=" + schema;

    private static void DrainFresh(string url, int count, int seed, string cli, ServerCpu? serverCpu)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crosscheck-bench-fresh-{seed}-{count}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        new CorpusGenerator(seed).Write(folder, count);
        int before;
        using (var store = PostgresArticleStore.Open(url)) before = store.ArticleCount;
        Drain(url, new InputReader(InputLimits.Default).Read([folder]), 1, cli, serverCpu, $"fresh batch at {before:N0} stored, workers=1");
    }

    private static void Drain(string url, IEnumerable<ReadItem> items, int workers, string cli, ServerCpu? serverCpu, string label)
    {
        int storedBefore;
        var enqueueClock = Stopwatch.StartNew();
        using (var feeder = PostgresArticleStore.Open(url))
        {
            storedBefore = feeder.ArticleCount;
            var queued = QueueFeeder.Enqueue(feeder, new JobQueue(feeder.DataSource), items, new DateOnly(2025, 1, 1));
            Console.WriteLine($"  {label}: enqueued {queued.Queued:N0} reports in {queued.Jobs:N0} jobs in {enqueueClock.Elapsed.TotalSeconds:0.0} s");
        }
        var serverCpuBefore = serverCpu?.Total();
        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, workers).Select(i =>
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { cli, "worker", "--db", url, "--exit-when-idle", "--threads", "1", "--quiet", "--poll", "0.2", "--name", $"bench{i}" })
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
        var serverCpuSpent = serverCpu is null ? (TimeSpan?)null : serverCpu.Total() - serverCpuBefore!.Value;
        using var store = PostgresArticleStore.Open(url);
        int total = store.ArticleCount;
        int stored = total - storedBefore;
        long articleBytes = store.SizeOnDisk();
        long jobBytes;
        using (var connection = store.DataSource.OpenConnection())
        using (var size = new NpgsqlCommand("SELECT pg_total_relation_size('jobs')", connection))
        {
            jobBytes = Convert.ToInt64(size.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} stored={stored} store_total={total} seconds={seconds:0.0} reports_per_s={stored / seconds:0.0} " +
            $"cpu_ms_per_report={cpu.Sum(c => c.TotalMilliseconds) / Math.Max(1, stored):0.00} " +
            $"{(serverCpuSpent is { } spent ? $"server_cpu_ms_per_report={(spent.TotalMilliseconds / Math.Max(1, stored)).ToString("0.00", CultureInfo.InvariantCulture)} " : "")}" +
            $"peak_rss_mb_per_worker={string.Join('/', peakKb.Select(kb => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture)))} " +
            $"articles_kb_per_report={articleBytes / 1024.0 / Math.Max(1, total):0.0} jobs_kb_per_report={jobBytes / 1024.0 / Math.Max(1, total):0.00} " +
            $"load_average={File.ReadAllText("/proc/loadavg").Split(' ')[0]} exit_codes={string.Join('/', processes.Select(p => p.ExitCode))}"));
    }

    /// <summary>
    /// Fills the store to <paramref name="target"/> rows with copies of its rows made inside the
    /// server (each with a new id, content hash, location and queue position). The two GIN indexes
    /// stay, so each copy costs what a stored report costs the server: both tsvector columns computed
    /// from its text and both GIN indexes updated. One transaction per 50,000 rows, so a stopped fill
    /// leaves a consistent store that `--reuse` can measure.
    /// </summary>
    private static void Grow(string url, int target)
    {
        using var store = PostgresArticleStore.Open(url);
        int current = store.ArticleCount;
        if (current >= target) return;
        var clock = Stopwatch.StartNew();
        using var connection = store.DataSource.OpenConnection();
        int Execute(string sql)
        {
            using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            return command.ExecuteNonQuery();
        }
        int originals = current, round = 0;
        while (current < target)
        {
            round++;
            int add = Math.Min(Math.Min(originals, 50_000), target - current);
            // Each round copies the next window of the original rows (seq order), tagged with the round so every copy is new.
            current += Execute(string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO articles (id, content_hash, location, published, language, language_config, title, body, analysis, analyzer)
                SELECT id || '~fill{round}', content_hash || '-fill{round}', location || '#fill{round}', published, language, language_config, title, body, analysis, analyzer
                FROM articles WHERE id NOT LIKE '%~fill%' ORDER BY seq LIMIT {add} OFFSET {(round - 1) * 50_000L % originals};
                """));
            Console.WriteLine($"  grow: {current:N0} rows after {clock.Elapsed.TotalSeconds:0} s");
        }
        Execute("VACUUM ANALYZE articles;");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grow: store filled to {store.ArticleCount:N0} rows in {clock.Elapsed.TotalSeconds:0} s; articles_kb_per_report={store.SizeOnDisk() / 1024.0 / Math.Max(1, current):0.0}"));
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
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection) { CommandTimeout = 0 };
        drop.ExecuteNonQuery();
    }

    /// <summary>
    /// CPU time of a local PostgreSQL server: the postmaster with its reaped backends (cutime) plus the
    /// live ones, read from /proc. The difference over a run is the server's share of the work.
    /// </summary>
    private sealed class ServerCpu(int postmaster)
    {
        private const double TicksPerSecond = 100; // USER_HZ on Linux

        public static ServerCpu? FromEnvironment()
        {
            var data = Environment.GetEnvironmentVariable("CROSSCHECK_BENCH_PG_DATA");
            if (string.IsNullOrEmpty(data) || !File.Exists(Path.Combine(data, "postmaster.pid"))) return null;
            return new ServerCpu(int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture));
        }

        public TimeSpan Total()
        {
            long ticks = 0;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out int pid)) continue;
                string stat;
                try { stat = File.ReadAllText(Path.Combine(directory, "stat")); }
                catch (IOException) { continue; }
                catch (UnauthorizedAccessException) { continue; }
                // Fields after the command name (which may hold spaces) in parentheses.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                int parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                long utime = long.Parse(fields[11], CultureInfo.InvariantCulture), stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
                if (pid == postmaster) ticks += utime + stime + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                else if (parent == postmaster) ticks += utime + stime;
            }
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
    }
}
