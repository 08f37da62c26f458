using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Store;

/// <summary>The server tables (<see cref="IServerTables"/>) in the SQLite file beside the articles.</summary>
/// <remarks>Thread-safe: every call opens its own (pooled) connection.</remarks>
public sealed class SqliteServerTables : IServerTables
{
    private readonly string _connectionString;

    public SqliteServerTables(string databasePath)
    {
        _connectionString = SqliteConnections.For(databasePath);
        using var connection = Open();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS api_keys (
                key_hash TEXT PRIMARY KEY,
                name     TEXT NOT NULL,
                created  TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS feeds (
                url           TEXT PRIMARY KEY,
                etag          TEXT,
                last_modified TEXT,
                failures      INTEGER NOT NULL DEFAULT 0,
                next_poll     TEXT,
                last_polled   TEXT,
                last_error    TEXT
            );
            CREATE TABLE IF NOT EXISTS feed_items (
                feed_url   TEXT NOT NULL,
                item_key   TEXT NOT NULL,
                url        TEXT,
                title      TEXT,
                article_id TEXT,
                error      TEXT,
                seen       TEXT NOT NULL,
                attempts   INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (feed_url, item_key)
            );
            """);
        // Stores made before failed items were retried lack the attempts column; each of their rows counts as one attempt.
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('feed_items') WHERE name = 'attempts';";
        if (Convert.ToInt64(columns.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            Execute(connection, "ALTER TABLE feed_items ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;");
        }
    }

    public string AddApiKey(string name, DateTimeOffset now)
    {
        var key = "cc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        using var connection = Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO api_keys (key_hash, name, created) VALUES ($hash, $name, $created);";
        insert.Parameters.AddWithValue("$hash", Hash(key));
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$created", now.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
        return key;
    }

    public string? ApiKeyOwner(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200) return null;
        using var connection = Open();
        using var find = connection.CreateCommand();
        find.CommandText = "SELECT name FROM api_keys WHERE key_hash = $hash;";
        find.Parameters.AddWithValue("$hash", Hash(key));
        return find.ExecuteScalar() as string;
    }

    public IReadOnlyList<ApiKeyInfo> ApiKeys()
    {
        using var connection = Open();
        using var list = connection.CreateCommand();
        list.CommandText = "SELECT name, created, key_hash FROM api_keys ORDER BY created, name;";
        using var reader = list.ExecuteReader();
        var keys = new List<ApiKeyInfo>();
        while (reader.Read())
        {
            keys.Add(new ApiKeyInfo(reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2)[..8]));
        }
        return keys;
    }

    public int RemoveApiKeys(string name)
    {
        using var connection = Open();
        using var remove = connection.CreateCommand();
        remove.CommandText = "DELETE FROM api_keys WHERE name = $name;";
        remove.Parameters.AddWithValue("$name", name);
        return remove.ExecuteNonQuery();
    }

    public int ApiKeyCount()
    {
        using var connection = Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM api_keys;";
        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public FeedState? Feed(string url)
    {
        using var connection = Open();
        using var find = connection.CreateCommand();
        find.CommandText = "SELECT url, etag, last_modified, failures, next_poll, last_polled, last_error FROM feeds WHERE url = $url;";
        find.Parameters.AddWithValue("$url", url);
        using var reader = find.ExecuteReader();
        return reader.Read() ? ReadFeed(reader) : null;
    }

    public IReadOnlyList<FeedState> Feeds()
    {
        using var connection = Open();
        using var all = connection.CreateCommand();
        all.CommandText = "SELECT url, etag, last_modified, failures, next_poll, last_polled, last_error FROM feeds ORDER BY url;";
        using var reader = all.ExecuteReader();
        var feeds = new List<FeedState>();
        while (reader.Read()) feeds.Add(ReadFeed(reader));
        return feeds;
    }

    public void SaveFeed(FeedState feed)
    {
        using var connection = Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO feeds (url, etag, last_modified, failures, next_poll, last_polled, last_error)
            VALUES ($url, $etag, $modified, $failures, $next, $polled, $error)
            ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                failures = excluded.failures, next_poll = excluded.next_poll, last_polled = excluded.last_polled,
                last_error = excluded.last_error;
            """;
        upsert.Parameters.AddWithValue("$url", feed.Url);
        upsert.Parameters.AddWithValue("$etag", (object?)feed.ETag ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$modified", (object?)feed.LastModified ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$failures", feed.Failures);
        upsert.Parameters.AddWithValue("$next", (object?)feed.NextPoll?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$polled", (object?)feed.LastPolled?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$error", (object?)feed.LastError ?? DBNull.Value);
        upsert.ExecuteNonQuery();
    }

    public FeedState? ClaimDuePoll(string url, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        using var connection = Open();
        // BEGIN IMMEDIATE takes the write lock before reading, so two watchers on one file cannot both find the feed due.
        Execute(connection, "BEGIN IMMEDIATE;");
        try
        {
            using (var ensure = connection.CreateCommand())
            {
                ensure.CommandText = "INSERT INTO feeds (url, failures) VALUES ($url, 0) ON CONFLICT(url) DO NOTHING;";
                ensure.Parameters.AddWithValue("$url", url);
                ensure.ExecuteNonQuery();
            }
            FeedState state;
            using (var find = connection.CreateCommand())
            {
                find.CommandText = "SELECT url, etag, last_modified, failures, next_poll, last_polled, last_error FROM feeds WHERE url = $url;";
                find.Parameters.AddWithValue("$url", url);
                using var reader = find.ExecuteReader();
                reader.Read();
                state = ReadFeed(reader);
            }
            if (state.NextPoll is { } next && next > now)
            {
                Execute(connection, "COMMIT;");
                return null;
            }
            using (var claim = connection.CreateCommand())
            {
                claim.CommandText = "UPDATE feeds SET next_poll = $next WHERE url = $url;";
                claim.Parameters.AddWithValue("$url", url);
                claim.Parameters.AddWithValue("$next", leaseUntil.ToString("O", CultureInfo.InvariantCulture));
                claim.ExecuteNonQuery();
            }
            Execute(connection, "COMMIT;");
            return state with { NextPoll = leaseUntil };
        }
        catch
        {
            Execute(connection, "ROLLBACK;");
            throw;
        }
    }

    public IReadOnlySet<string> FinishedItems(string feedUrl, IReadOnlyCollection<string> itemKeys, int maxAttempts = 1)
    {
        var finished = new HashSet<string>(StringComparer.Ordinal);
        if (itemKeys.Count == 0) return finished;
        using var connection = Open();
        using var find = connection.CreateCommand();
        // The keys travel as one JSON array: one statement however long the feed (SQLite caps bound parameters).
        find.CommandText = """
            SELECT item_key FROM feed_items
            WHERE feed_url = $feed AND (error IS NULL OR attempts >= $max) AND item_key IN (SELECT value FROM json_each($keys));
            """;
        find.Parameters.AddWithValue("$feed", feedUrl);
        find.Parameters.AddWithValue("$max", maxAttempts);
        find.Parameters.AddWithValue("$keys", System.Text.Json.JsonSerializer.Serialize(itemKeys));
        using var reader = find.ExecuteReader();
        while (reader.Read()) finished.Add(reader.GetString(0));
        return finished;
    }

    public int ItemAttempts(string feedUrl, string itemKey)
    {
        using var connection = Open();
        using var find = connection.CreateCommand();
        find.CommandText = "SELECT attempts FROM feed_items WHERE feed_url = $feed AND item_key = $key;";
        find.Parameters.AddWithValue("$feed", feedUrl);
        find.Parameters.AddWithValue("$key", itemKey);
        return find.ExecuteScalar() is { } attempts ? Convert.ToInt32(attempts, CultureInfo.InvariantCulture) : 0;
    }

    public void SaveItem(FeedItemState item)
    {
        using var connection = Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO feed_items (feed_url, item_key, url, title, article_id, error, seen, attempts)
            VALUES ($feed, $key, $url, $title, $article, $error, $seen, 1)
            ON CONFLICT(feed_url, item_key) DO UPDATE SET url = excluded.url, title = excluded.title,
                article_id = excluded.article_id, error = excluded.error, seen = excluded.seen, attempts = feed_items.attempts + 1;
            """;
        upsert.Parameters.AddWithValue("$feed", item.FeedUrl);
        upsert.Parameters.AddWithValue("$key", item.ItemKey);
        upsert.Parameters.AddWithValue("$url", (object?)item.Url ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$title", (object?)item.Title ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$article", (object?)item.ArticleId ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$error", (object?)item.Error ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$seen", item.Seen.ToString("O", CultureInfo.InvariantCulture));
        upsert.ExecuteNonQuery();
    }

    public IReadOnlyList<FeedItemState> FailedItems(int limit = 200)
    {
        using var connection = Open();
        using var all = connection.CreateCommand();
        all.CommandText = "SELECT feed_url, item_key, url, title, article_id, error, seen FROM feed_items WHERE error IS NOT NULL ORDER BY seen DESC LIMIT $limit;";
        all.Parameters.AddWithValue("$limit", limit);
        using var reader = all.ExecuteReader();
        var items = new List<FeedItemState>();
        while (reader.Read())
        {
            items.Add(new FeedItemState(reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture)));
        }
        return items;
    }

    private static FeedState ReadFeed(SqliteDataReader reader) => new(reader.GetString(0))
    {
        ETag = Text(reader, 1),
        LastModified = Text(reader, 2),
        Failures = reader.GetInt32(3),
        NextPoll = Text(reader, 4) is { } next ? DateTimeOffset.Parse(next, CultureInfo.InvariantCulture) : null,
        LastPolled = Text(reader, 5) is { } polled ? DateTimeOffset.Parse(polled, CultureInfo.InvariantCulture) : null,
        LastError = Text(reader, 6),
    };

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private SqliteConnection Open() => SqliteConnections.Open(_connectionString);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
