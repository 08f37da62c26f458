using Crosscheck.Store;
using Npgsql;

namespace Crosscheck.Tests.Store;

/// <summary>
/// The PostgreSQL server the tests may use: CROSSCHECK_TEST_POSTGRES holds its URL
/// (`scripts/pg-test-server.sh start` prints one; `.ci/run` sets it). Each test works in a schema of
/// its own, dropped when it is disposed, so tests never see each other's rows.
/// </summary>
public sealed class TestPostgres : IDisposable
{
    public const string Variable = "CROSSCHECK_TEST_POSTGRES";

    private static readonly Lazy<string?> UnavailableLazy = new(FindUnavailableReason);

    /// <summary>Null when the server answers; otherwise why the PostgreSQL tests skip.</summary>
    public static string? UnavailableReason => UnavailableLazy.Value;

    private static string ServerUrl => Environment.GetEnvironmentVariable(Variable)!;

    public TestPostgres()
    {
        Schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        Url = ServerUrl + (ServerUrl.Contains('?') ? "&" : "?") + "search_path=" + Schema + "&application_name=" + Schema;
    }

    public string Schema { get; }

    /// <summary>The server URL with this test's schema as its search path: pass it as `--db`.</summary>
    public string Url { get; }

    /// <summary>Ends every server connection of this test (its application name is its schema), as a server restart or a network cut would.</summary>
    /// <returns>How many connections were ended.</returns>
    public long TerminateConnections() =>
        Scalar($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{Schema}' AND pid <> pg_backend_pid();");

    public PostgresArticleStore OpenStore() => PostgresArticleStore.Open(Url);

    /// <summary>The store as a given build of Crosscheck sees it: another build's analyses are stale to it.</summary>
    public PostgresArticleStore OpenStoreAs(string analyzerBuild) => PostgresArticleStore.Open(Url, analyzerBuild);

    /// <summary>A plain connection with this test's schema on its search path, for checks the store does not offer.</summary>
    public NpgsqlConnection Connect()
    {
        var builder = PostgresConnectionString.Parse(Url);
        builder.Pooling = false;
        builder.ApplicationName = Schema + "-check"; // never ended by TerminateConnections
        var connection = new NpgsqlConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = Connect();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => DropSchemaNow();

    /// <summary>Drops this test's schema (and everything in it); harmless when it is gone already.</summary>
    public void DropSchemaNow()
    {
        try
        {
            var builder = PostgresConnectionString.Parse(ServerUrl);
            builder.Pooling = false;
            using var connection = new NpgsqlConnection(builder.ToString());
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE;", connection);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException) { } // the server went away; its data directory is thrown away anyway
        NpgsqlConnection.ClearAllPools();
    }

    private static string? FindUnavailableReason()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(url))
        {
            return $"skipped: no PostgreSQL server for the tests; run `scripts/pg-test-server.sh start` and set {Variable} to the URL it prints (.ci/run does both)";
        }
        try
        {
            var builder = PostgresConnectionString.Parse(url);
            builder.Timeout = 3;
            builder.Pooling = false;
            using var connection = new NpgsqlConnection(builder.ToString());
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or StoreException or TimeoutException or ArgumentException)
        {
            return $"skipped: the PostgreSQL server in {Variable} ({PostgresConnectionString.Redacted(url)}) does not answer: {ex.Message}";
        }
    }
}

/// <summary>A fact that runs only when the test PostgreSQL server answers, and says why it skipped otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.UnavailableReason is { } reason) Skip = reason;
    }
}
