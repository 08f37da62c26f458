using Crosscheck.Store;

namespace Crosscheck.Web;

/// <summary>How `crosscheck serve` runs. Defaults are safe: loopback only, writes need a key.</summary>
public sealed record WebOptions
{
    /// <summary>The store: an SQLite file, or a PostgreSQL database as a postgres:// URL or an Npgsql connection string.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Where to listen; loopback unless the operator names another address.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The reference date for analysing posted reports and for the dossier. The host passes the
    /// clock in; nothing in the server reads it for analysis.
    /// </summary>
    public required Func<DateOnly> ReferenceDate { get; init; }

    /// <summary>When true, reads need an API key too; writes always do.</summary>
    public bool RequireKeyForReads { get; init; }

    /// <summary>Largest request body accepted (a posted report); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Read requests per second allowed from one client address (token bucket).</summary>
    public int ReadRequestsPerSecond { get; init; } = 500;

    /// <summary>Write requests per minute allowed from one client address.</summary>
    public int WriteRequestsPerMinute { get; init; } = 60;

    /// <summary>How often the server checks whether another process (analyze, watch) changed the store.</summary>
    public TimeSpan StoreCheckInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where posted reports are kept as files before analysis (default: beside the database).</summary>
    public string? InboxFolder { get; init; }

    /// <summary>Feeds and folders the server itself polls (as `crosscheck watch` would), so new items appear without another process.</summary>
    public IReadOnlyList<string> WatchSources { get; init; } = [];

    /// <summary>Schedule and limits for <see cref="WatchSources"/>.</summary>
    public Feeds.WatchOptions Watch { get; init; } = new();

    /// <summary>
    /// Names this machine in the location of every report it stores in a PostgreSQL store (shared by
    /// several machines), so the same inbox path on two machines names two reports.
    /// </summary>
    public string MachineName { get; init; } = Environment.MachineName;

    /// <remarks>A PostgreSQL store has no folder of its own: its inbox is crosscheck.inbox in the working directory.</remarks>
    public string Inbox => InboxFolder ?? (StoreFactory.IsPostgres(DatabasePath)
        ? Path.GetFullPath("crosscheck.inbox")
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath)) ?? ".", Path.GetFileNameWithoutExtension(DatabasePath) + ".inbox"));
}
