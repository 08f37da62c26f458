using System.Globalization;
using System.Text.Json;
using Crosscheck.Ingest;
using Crosscheck.Store;
using Npgsql;

namespace Crosscheck.Processing;

/// <summary>
/// The work queue of the PostgreSQL store: each job is a chunk of raw reports (their text travels in
/// the job, so workers on other machines need no shared folder). A worker claims the oldest open job
/// with <c>FOR UPDATE SKIP LOCKED</c> and holds it under a lease it renews while working; a job whose
/// lease ran out (its worker died) is claimed again. Storing is idempotent by content hash, so a job
/// done twice stores each report once.
/// </summary>
/// <remarks>Thread-safe: every call takes its own pooled connection.</remarks>
public sealed class JobQueue(NpgsqlDataSource dataSource)
{
    private const int Attempts = 3;

    /// <summary>A job claimed this many times without finishing is given up as failed (a report that kills its worker must not kill them all).</summary>
    public const int MaxAttempts = 3;

    /// <summary>Puts reports on the queue in chunks; the reading order is kept as each report's order key.</summary>
    /// <returns>The number of jobs and of reports queued.</returns>
    public (int Jobs, int Reports) Enqueue(IEnumerable<RawArticle> reports, DateOnly referenceDate, int reportsPerJob = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reportsPerJob, 1);
        int jobs = 0, count = 0;
        var chunk = new List<RawArticle>(reportsPerJob);
        void Flush()
        {
            if (chunk.Count == 0) return;
            Retry(connection => EnqueueChunk(connection, chunk, referenceDate));
            jobs++;
            count += chunk.Count;
            chunk.Clear();
        }
        foreach (var report in reports)
        {
            chunk.Add(report);
            if (chunk.Count >= reportsPerJob) Flush();
        }
        Flush();
        return (jobs, count);
    }

    private static int EnqueueChunk(NpgsqlConnection connection, List<RawArticle> chunk, DateOnly referenceDate)
    {
        using var transaction = connection.BeginTransaction();
        var keys = new List<long>(chunk.Count);
        using (var next = new NpgsqlCommand("SELECT nextval('article_order') FROM generate_series(1, $1);", connection, transaction))
        {
            next.Parameters.AddWithValue(chunk.Count);
            using var reader = next.ExecuteReader();
            while (reader.Read()) keys.Add(reader.GetInt64(0));
        }
        var payload = JsonSerializer.SerializeToUtf8Bytes(chunk.Select((raw, i) => new QueuedReport(raw, keys[i])).ToList(), AnalysisJson.Options);
        using var insert = new NpgsqlCommand("INSERT INTO jobs (reference_date, reports, payload) VALUES ($1, $2, $3);", connection, transaction);
        insert.Parameters.AddWithValue(referenceDate);
        insert.Parameters.AddWithValue(chunk.Count);
        insert.Parameters.AddWithValue(payload);
        insert.ExecuteNonQuery();
        transaction.Commit();
        return chunk.Count;
    }

    /// <summary>Claims the oldest job nobody holds (or whose holder's lease ran out), or null when there is none.</summary>
    /// <remarks>A job whose reports cannot be read is marked failed with the reason, and the next job is claimed.</remarks>
    public ClaimedJob? Claim(string worker, TimeSpan lease)
    {
        while (true)
        {
            var (job, unreadable) = Retry(connection => ClaimOne(connection, worker, lease));
            if (!unreadable) return job;
        }
    }

    private static (ClaimedJob? Job, bool Unreadable) ClaimOne(NpgsqlConnection connection, string worker, TimeSpan lease)
    {
        // Jobs that keep killing their workers are given up first, so `status` shows them as failed.
        using (var giveUp = new NpgsqlCommand("""
            UPDATE jobs SET state = 'failed', leased_by = NULL, lease_expires = NULL, finished_at = now(),
                   error = coalesce(error || '; ', '') || 'its worker stopped before finishing it ' || attempts || ' times'
            WHERE state = 'running' AND lease_expires < now() AND attempts >= $1;
            """, connection))
        {
            giveUp.Parameters.AddWithValue(MaxAttempts);
            giveUp.ExecuteNonQuery();
        }
        // The attempts condition is repeated here: a lease may run out between the two statements.
        using var claim = new NpgsqlCommand("""
            UPDATE jobs SET state = 'running', leased_by = $1, lease_expires = now() + $2, attempts = attempts + 1, started_at = now()
            WHERE id = (
                SELECT id FROM jobs
                WHERE state = 'queued' OR (state = 'running' AND lease_expires < now() AND attempts < $3)
                ORDER BY id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, reference_date, payload, attempts;
            """, connection);
        claim.Parameters.AddWithValue(worker);
        claim.Parameters.AddWithValue(lease);
        claim.Parameters.AddWithValue(MaxAttempts);
        long id;
        DateOnly referenceDate;
        byte[] payload;
        int attempts;
        using (var reader = claim.ExecuteReader())
        {
            if (!reader.Read()) return (null, false);
            (id, referenceDate, payload, attempts) = (reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<byte[]>(2), reader.GetInt32(3));
        }
        string error;
        try
        {
            var reports = JsonSerializer.Deserialize<List<QueuedReport>>(payload, AnalysisJson.Options);
            if (reports is not null) return (new ClaimedJob(id, referenceDate, reports, attempts), false);
            error = "its reports cannot be read: the job holds none";
        }
        catch (JsonException ex)
        {
            error = $"its reports cannot be read: {ex.Message}";
        }
        // No worker can read it, now or later: give it up at once rather than let it stop every worker.
        using var fail = new NpgsqlCommand("""
            UPDATE jobs SET state = 'failed', leased_by = NULL, lease_expires = NULL, finished_at = now(), error = $3
            WHERE id = $1 AND leased_by = $2;
            """, connection);
        fail.Parameters.AddWithValue(id);
        fail.Parameters.AddWithValue(worker);
        fail.Parameters.AddWithValue(error);
        fail.ExecuteNonQuery();
        return (null, true);
    }

    /// <summary>Jobs queued or held by a worker (whose lease may still run out and send them back).</summary>
    public long OpenJobs() => Retry(connection =>
    {
        using var count = new NpgsqlCommand("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running');", connection);
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <summary>Extends the lease; false when the job is no longer this worker's (its lease ran out and another took it).</summary>
    public bool Renew(long job, string worker, TimeSpan lease) => Retry(connection =>
    {
        using var renew = new NpgsqlCommand("UPDATE jobs SET lease_expires = now() + $3 WHERE id = $1 AND leased_by = $2 AND state = 'running';", connection);
        renew.Parameters.AddWithValue(job);
        renew.Parameters.AddWithValue(worker);
        renew.Parameters.AddWithValue(lease);
        return renew.ExecuteNonQuery() == 1;
    });

    /// <summary>Marks the job done and drops its report texts (stored in the articles now), so the queue stays small.</summary>
    /// <returns>False when the job is no longer this worker's (its lease ran out and another took it): nothing changed.</returns>
    public bool Complete(long job, string worker, int analyzed) => Retry(connection =>
    {
        using var done = new NpgsqlCommand("""
            UPDATE jobs SET state = 'done', finished_at = now(), analyzed = $3, lease_expires = NULL, payload = ''::bytea
            WHERE id = $1 AND leased_by = $2 AND state = 'running';
            """, connection);
        done.Parameters.AddWithValue(job);
        done.Parameters.AddWithValue(worker);
        done.Parameters.AddWithValue(analyzed);
        return done.ExecuteNonQuery() == 1;
    });

    /// <summary>Gives the job back after an error: queued again, or failed for good after <see cref="MaxAttempts"/>.</summary>
    public void Fail(long job, string worker, string error) => Retry<int>(connection =>
    {
        using var fail = new NpgsqlCommand("""
            UPDATE jobs SET state = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END,
                   finished_at = CASE WHEN attempts >= $3 THEN now() END,
                   error = $4, leased_by = NULL, lease_expires = NULL
            WHERE id = $1 AND leased_by = $2 AND state = 'running';
            """, connection);
        fail.Parameters.AddWithValue(job);
        fail.Parameters.AddWithValue(worker);
        fail.Parameters.AddWithValue(MaxAttempts);
        fail.Parameters.AddWithValue(error);
        return fail.ExecuteNonQuery();
    });

    /// <summary>
    /// Runs one queue operation, again on a fresh connection when the server dropped the old one (a
    /// restart, a network cut, pg_terminate_backend). Every operation is one statement or one
    /// transaction, and doing one twice is harmless: a lost claim's lease runs out, a job queued twice
    /// stores each report once.
    /// </summary>
    private T Retry<T>(Func<NpgsqlConnection, T> operation)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = dataSource.OpenConnection();
                return operation(connection);
            }
            catch (Exception ex) when (attempt < Attempts && IsConnectionLoss(ex))
            {
                dataSource.Clear(); // every pooled connection may be dead, not just this one
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    internal static bool IsConnectionLoss(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        _ => false,
    };

    /// <summary>What `crosscheck status` shows.</summary>
    public QueueStatus Status(TimeSpan window) => Retry(connection =>
    {
        using var command = new NpgsqlCommand("""
            SELECT
              (SELECT count(*) FROM jobs WHERE state = 'queued'),
              (SELECT coalesce(sum(reports), 0) FROM jobs WHERE state = 'queued'),
              (SELECT count(*) FROM jobs WHERE state = 'running' AND lease_expires >= now()),
              (SELECT count(*) FROM jobs WHERE state = 'running' AND lease_expires < now()),
              (SELECT count(DISTINCT leased_by) FROM jobs WHERE state = 'running' AND lease_expires >= now()),
              (SELECT count(*) FROM jobs WHERE state = 'done'),
              (SELECT count(*) FROM jobs WHERE state = 'failed'),
              (SELECT coalesce(sum(reports), 0) FROM jobs WHERE state = 'done' AND finished_at >= now() - $1),
              (SELECT count(*) FROM articles),
              (SELECT count(*) FROM problems);
            """, connection);
        command.Parameters.AddWithValue(window);
        using var reader = command.ExecuteReader();
        reader.Read();
        var status = new QueueStatus(
            QueuedJobs: reader.GetInt64(0), QueuedReports: reader.GetInt64(1), RunningJobs: reader.GetInt64(2),
            ExpiredLeases: reader.GetInt64(3), Workers: reader.GetInt64(4), DoneJobs: reader.GetInt64(5),
            FailedJobs: reader.GetInt64(6), ReportsInWindow: reader.GetInt64(7), Window: window,
            StoredReports: reader.GetInt64(8), Problems: reader.GetInt64(9), RecentFailures: []);
        reader.Close();
        using var failures = new NpgsqlCommand("SELECT id, coalesce(error, '') FROM jobs WHERE state = 'failed' ORDER BY finished_at DESC NULLS LAST LIMIT 5;", connection);
        using var failed = failures.ExecuteReader();
        var recent = new List<string>();
        while (failed.Read()) recent.Add($"job {failed.GetInt64(0).ToString(CultureInfo.InvariantCulture)}: {failed.GetString(1)}");
        return status with { RecentFailures = recent };
    });
}

/// <param name="OrderKey">Where the report stands in the reading order the dossier follows.</param>
public sealed record QueuedReport(RawArticle Report, long OrderKey);

public sealed record ClaimedJob(long Id, DateOnly ReferenceDate, IReadOnlyList<QueuedReport> Reports, int Attempt);

/// <param name="ExpiredLeases">Jobs whose worker stopped renewing its lease (died or hung): the next claim takes them.</param>
/// <param name="ReportsInWindow">Reports in jobs finished within <paramref name="Window"/>: the recent throughput.</param>
public sealed record QueueStatus(long QueuedJobs, long QueuedReports, long RunningJobs, long ExpiredLeases, long Workers,
    long DoneJobs, long FailedJobs, long ReportsInWindow, TimeSpan Window, long StoredReports, long Problems, IReadOnlyList<string> RecentFailures);
