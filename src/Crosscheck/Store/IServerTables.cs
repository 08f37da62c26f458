namespace Crosscheck.Store;

/// <summary>
/// What a running server keeps beside the articles: API keys (only their SHA-256 is stored) and feed
/// subscriptions with their polling state and the items taken or failed. `crosscheck analyze` and the
/// workers neither read nor need them. SQLite: <see cref="SqliteServerTables"/>; PostgreSQL:
/// <see cref="PostgresServerTables"/>, so several servers and watchers can share one database.
/// </summary>
/// <remarks>Thread-safe: every call uses its own (pooled) connection.</remarks>
public interface IServerTables
{
    /// <summary>Creates a key for <paramref name="name"/> and returns it; it is shown once and stored only as a hash.</summary>
    string AddApiKey(string name, DateTimeOffset now);

    /// <summary>The name the key was issued to, or null when it is not a key this store issued.</summary>
    string? ApiKeyOwner(string? key);

    /// <summary>Every key issued, oldest first: who it is for, when, and the start of its hash (never the key).</summary>
    IReadOnlyList<ApiKeyInfo> ApiKeys();

    /// <summary>Revokes every key issued to <paramref name="name"/>; the server checks keys on each request, so they stop working at once.</summary>
    /// <returns>How many keys were removed.</returns>
    int RemoveApiKeys(string name);

    int ApiKeyCount();

    FeedState? Feed(string url);

    IReadOnlyList<FeedState> Feeds();

    void SaveFeed(FeedState feed);

    /// <summary>
    /// Takes this feed's next poll for the caller when it is due (never polled, or its next poll has
    /// come), moving its next poll to <paramref name="leaseUntil"/> in the same step, so that of
    /// several watchers sharing the store exactly one fetches it; the lease also lets another
    /// watcher take over when the one that claimed it dies mid-poll.
    /// </summary>
    /// <returns>The feed's state as claimed, or null when it is not due or another watcher holds it.</returns>
    FeedState? ClaimDuePoll(string url, DateTimeOffset now, DateTimeOffset leaseUntil);

    /// <summary>
    /// Which of <paramref name="itemKeys"/> of this feed need no further attempt: stored, or failed
    /// <paramref name="maxAttempts"/> times (a 503 or a timeout on an item's page is often passing, so a
    /// failed item is tried again at later polls until then). One query for the whole feed, however
    /// many items it lists.
    /// </summary>
    IReadOnlySet<string> FinishedItems(string feedUrl, IReadOnlyCollection<string> itemKeys, int maxAttempts = 1);

    /// <summary>How many times this item was tried (0 when never).</summary>
    int ItemAttempts(string feedUrl, string itemKey);

    /// <summary>Records an attempt at an item: the report it became, or why it could not.</summary>
    void SaveItem(FeedItemState item);

    /// <summary>Items that could not be fetched or analysed, newest first, with their reasons.</summary>
    IReadOnlyList<FeedItemState> FailedItems(int limit = 200);
}

/// <summary>A feed subscription's polling state: validators for conditional GET and the failure count behind the backoff.</summary>
public sealed record FeedState(string Url)
{
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public int Failures { get; init; }
    public DateTimeOffset? NextPoll { get; init; }
    public DateTimeOffset? LastPolled { get; init; }
    public string? LastError { get; init; }
}

/// <param name="HashPrefix">The first characters of the key's stored hash, to tell two keys of one name apart.</param>
public sealed record ApiKeyInfo(string Name, DateTimeOffset Created, string HashPrefix);

/// <summary>One feed item as handled: the report it became, or why it could not.</summary>
public sealed record FeedItemState(string FeedUrl, string ItemKey, string? Url, string? Title, string? ArticleId, string? Error, DateTimeOffset Seen);
