using Npgsql;

namespace Crosscheck.Store;

/// <summary>
/// The PostgreSQL schema as an ordered list of migrations, each applied once and recorded in
/// <c>crosscheck_migrations</c>. Any number of workers may start at once: the migration runs under
/// a transaction-level advisory lock, so one applies it and the others find it applied.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Advisory lock keys of this schema ("CCmigr", "CCstor" as ASCII): any constant unlikely to clash with another application's.</summary>
    internal const long MigrationLock = 0x43_43_6D_69_67_72;
    internal const long StoreWriteLock = 0x43_43_73_74_6F_72;

    private static readonly (int Version, string Description, string Sql)[] Migrations =
    [
        (1, "articles with full-text search, problems", """
            CREATE SEQUENCE article_order;
            CREATE TABLE articles (
                seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                -- The order the dossier reads reports in: the order they were put in (a run or the queue),
                -- whichever worker stored them first, so story clustering sees the same order every time.
                order_key       bigint NOT NULL DEFAULT nextval('article_order'),
                id              text NOT NULL UNIQUE,
                content_hash    text NOT NULL UNIQUE,
                location        text NOT NULL,
                published       date,
                language        text NOT NULL,
                language_config regconfig NOT NULL,
                title           text NOT NULL,
                body            text NOT NULL,
                analysis        bytea NOT NULL,
                stored_at       timestamptz NOT NULL DEFAULT now(),
                search_simple   tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, title), 'A') || setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED,
                search_language tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector(language_config, title), 'A') || setweight(to_tsvector(language_config, body), 'B')) STORED
            );
            CREATE INDEX articles_order ON articles (order_key);
            CREATE INDEX articles_location ON articles (location);
            CREATE INDEX articles_search_simple ON articles USING gin (search_simple);
            CREATE INDEX articles_search_language ON articles USING gin (search_language);
            CREATE TABLE problems (
                location text PRIMARY KEY,
                message  text NOT NULL
            );
            """),
        (2, "job queue for workers", """
            CREATE TABLE jobs (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                state          text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
                reference_date date NOT NULL,
                reports        integer NOT NULL,
                payload        bytea NOT NULL,
                attempts       integer NOT NULL DEFAULT 0,
                leased_by      text,
                lease_expires  timestamptz,
                enqueued_at    timestamptz NOT NULL DEFAULT now(),
                started_at     timestamptz,
                finished_at    timestamptz,
                analyzed       integer,
                error          text
            );
            CREATE INDEX jobs_open ON jobs (id) WHERE state IN ('queued', 'running');
            CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;
            """),
        (3, "server tables: API keys, feeds, feed items", """
            CREATE TABLE api_keys (
                key_hash text PRIMARY KEY,
                name     text NOT NULL,
                created  timestamptz NOT NULL
            );
            CREATE TABLE feeds (
                url           text PRIMARY KEY,
                etag          text,
                last_modified text,
                failures      integer NOT NULL DEFAULT 0,
                next_poll     timestamptz,
                last_polled   timestamptz,
                last_error    text
            );
            CREATE TABLE feed_items (
                feed_url   text NOT NULL,
                item_key   text NOT NULL,
                url        text,
                title      text,
                article_id text,
                error      text,
                seen       timestamptz NOT NULL,
                attempts   integer NOT NULL DEFAULT 1,
                PRIMARY KEY (feed_url, item_key)
            );
            CREATE INDEX feed_items_failed ON feed_items (seen DESC) WHERE error IS NOT NULL;
            """),
        // Rows stored before it name no build, so they count as stale (analysed again when read again).
        (4, "the build that analysed each article", """
            ALTER TABLE articles ADD COLUMN analyzer text;
            """),
        // Rows stored before it name no date: an undated one keeps its analysis, as nothing says which date it rests on.
        (5, "the date an undated article's relative dates rest on", """
            ALTER TABLE articles ADD COLUMN reference_date date;
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Brings the schema (the first one on the search path) up to <see cref="LatestVersion"/>; a no-op when it is there.</summary>
    /// <exception cref="StoreException">The database holds a newer schema than this build knows.</exception>
    public static void Migrate(NpgsqlConnection connection, string displayName)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock});");
        // The schema named first on the search path is created when missing, so `?search_path=news` just works.
        var schema = Convert.ToString(Scalar(connection, transaction,
            "SELECT trim(both '\"' from split_part(current_setting('search_path'), ',', 1));"))?.Trim();
        if (!string.IsNullOrEmpty(schema) && schema != "$user")
        {
            Execute(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS \"{schema.Replace("\"", "\"\"")}\";");
        }
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS crosscheck_migrations (
                version     integer PRIMARY KEY,
                description text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            """);
        var current = Convert.ToInt32(Scalar(connection, transaction, "SELECT coalesce(max(version), 0) FROM crosscheck_migrations;"));
        if (current > LatestVersion)
        {
            throw new StoreException($"The database {displayName} has schema version {current}, newer than this build understands ({LatestVersion}). Upgrade Crosscheck.");
        }
        foreach (var (version, description, sql) in Migrations.Where(m => m.Version > current))
        {
            Execute(connection, transaction, sql);
            using var record = new NpgsqlCommand("INSERT INTO crosscheck_migrations (version, description) VALUES ($1, $2);", connection, transaction);
            record.Parameters.AddWithValue(version);
            record.Parameters.AddWithValue(description);
            record.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public static int CurrentVersion(NpgsqlConnection connection) =>
        Convert.ToInt32(Scalar(connection, null, "SELECT coalesce(max(version), 0) FROM crosscheck_migrations;"));

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        return command.ExecuteScalar();
    }
}
