using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Crosscheck.Store;

/// <summary>
/// The server tables (<see cref="IServerTables"/>) in a PostgreSQL store, created by its migrations
/// (<see cref="PostgresSchema"/>): several `crosscheck serve` and `crosscheck watch` processes on
/// several machines share API keys and feed state through them. Same rules as
/// <see cref="SqliteServerTables"/>; times are timestamptz.
/// </summary>
/// <remarks>Thread-safe: every call takes its own pooled connection from the data source. A connection
/// the server dropped is replaced and the call asked again (every call is one statement). A write whose
/// commit went through but whose reply was lost is asked again too: adding a key is idempotent (the
/// random key's hash is its primary key), while a feed item's attempt would then count twice.</remarks>
public sealed class PostgresServerTables(NpgsqlDataSource dataSource, string displayName) : IServerTables
{
    public string AddApiKey(string name, DateTimeOffset now)
    {
        var key = "cc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Run("INSERT INTO api_keys (key_hash, name, created) VALUES ($1, $2, $3) ON CONFLICT (key_hash) DO NOTHING;", command => command.ExecuteNonQuery(), Hash(key), name, now.ToUniversalTime());
        return key;
    }

    public string? ApiKeyOwner(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200) return null;
        return Run("SELECT name FROM api_keys WHERE key_hash = $1;", command => command.ExecuteScalar() as string, Hash(key));
    }

    public IReadOnlyList<ApiKeyInfo> ApiKeys() => Run("SELECT name, created, key_hash FROM api_keys ORDER BY created, name;", command =>
    {
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKeyInfo>();
        while (reader.Read()) keys.Add(new ApiKeyInfo(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2)[..8]));
        return keys;
    });

    public int RemoveApiKeys(string name) => Run("DELETE FROM api_keys WHERE name = $1;", command => command.ExecuteNonQuery(), name);

    public int ApiKeyCount() => Run("SELECT count(*) FROM api_keys;", command => Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture));

    public FeedState? Feed(string url) => Run(
        "SELECT url, etag, last_modified, failures, next_poll, last_polled, last_error FROM feeds WHERE url = $1;",
        command =>
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadFeed(reader) : null;
        }, url);

    public IReadOnlyList<FeedState> Feeds() => Run(
        "SELECT url, etag, last_modified, failures, next_poll, last_polled, last_error FROM feeds ORDER BY url COLLATE \"C\";",
        command =>
        {
            using var reader = command.ExecuteReader();
            var feeds = new List<FeedState>();
            while (reader.Read()) feeds.Add(ReadFeed(reader));
            return feeds;
        });

    public void SaveFeed(FeedState feed) => Run("""
        INSERT INTO feeds (url, etag, last_modified, failures, next_poll, last_polled, last_error)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
            failures = excluded.failures, next_poll = excluded.next_poll, last_polled = excluded.last_polled,
            last_error = excluded.last_error;
        """, command => command.ExecuteNonQuery(),
        feed.Url, Text(feed.ETag), Text(feed.LastModified), feed.Failures, Time(feed.NextPoll), Time(feed.LastPolled), Text(feed.LastError));

    public FeedState? ClaimDuePoll(string url, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        Run("INSERT INTO feeds (url, failures) VALUES ($1, 0) ON CONFLICT (url) DO NOTHING;", command => command.ExecuteNonQuery(), url);
        // One conditional UPDATE: the row lock makes a second watcher's identical UPDATE re-read the moved next_poll and match nothing.
        return Run("""
            UPDATE feeds SET next_poll = $3 WHERE url = $1 AND (next_poll IS NULL OR next_poll <= $2)
            RETURNING url, etag, last_modified, failures, next_poll, last_polled, last_error;
            """,
            command =>
            {
                using var reader = command.ExecuteReader();
                return reader.Read() ? ReadFeed(reader) : null;
            }, url, Time(now), Time(leaseUntil));
    }

    public IReadOnlySet<string> FinishedItems(string feedUrl, IReadOnlyCollection<string> itemKeys, int maxAttempts = 1)
    {
        if (itemKeys.Count == 0) return new HashSet<string>(StringComparer.Ordinal);
        return Run("""
            SELECT item_key FROM feed_items
            WHERE feed_url = $1 AND item_key = ANY($2) AND (error IS NULL OR attempts >= $3);
            """, command =>
        {
            using var reader = command.ExecuteReader();
            var finished = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read()) finished.Add(reader.GetString(0));
            return finished;
        }, feedUrl, itemKeys.ToArray(), maxAttempts);
    }

    public int ItemAttempts(string feedUrl, string itemKey) => Run(
        "SELECT attempts FROM feed_items WHERE feed_url = $1 AND item_key = $2;",
        command => command.ExecuteScalar() is { } attempts ? Convert.ToInt32(attempts, CultureInfo.InvariantCulture) : 0, feedUrl, itemKey);

    public void SaveItem(FeedItemState item) => Run("""
        INSERT INTO feed_items (feed_url, item_key, url, title, article_id, error, seen, attempts)
        VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
        ON CONFLICT (feed_url, item_key) DO UPDATE SET url = excluded.url, title = excluded.title,
            article_id = excluded.article_id, error = excluded.error, seen = excluded.seen, attempts = feed_items.attempts + 1;
        """, command => command.ExecuteNonQuery(),
        item.FeedUrl, item.ItemKey, Text(item.Url), Text(item.Title), Text(item.ArticleId), Text(item.Error), item.Seen.ToUniversalTime());

    public IReadOnlyList<FeedItemState> FailedItems(int limit = 200) => Run(
        "SELECT feed_url, item_key, url, title, article_id, error, seen FROM feed_items WHERE error IS NOT NULL ORDER BY seen DESC LIMIT $1;",
        command =>
        {
            using var reader = command.ExecuteReader();
            var items = new List<FeedItemState>();
            while (reader.Read())
            {
                items.Add(new FeedItemState(reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                    reader.GetFieldValue<DateTimeOffset>(6)));
            }
            return items;
        }, limit);

    private static FeedState ReadFeed(NpgsqlDataReader reader) => new(reader.GetString(0))
    {
        ETag = Text(reader, 1),
        LastModified = Text(reader, 2),
        Failures = reader.GetInt32(3),
        NextPoll = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
        LastPolled = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        LastError = Text(reader, 6),
    };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } time ? time.ToUniversalTime() : DBNull.Value };

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private T Run<T>(string sql, Func<NpgsqlCommand, T> read, params object[] values) =>
        PostgresCalls.Run(dataSource, $"The PostgreSQL database {displayName} failed", connection =>
        {
            using var command = new NpgsqlCommand(sql, connection);
            foreach (var value in values) command.Parameters.Add(value is NpgsqlParameter typed ? typed.Clone() : new NpgsqlParameter { Value = value }); // a retry needs fresh parameters: one belongs to one command
            return read(command);
        });
}
