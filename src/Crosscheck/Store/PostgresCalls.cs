using Npgsql;

namespace Crosscheck.Store;

/// <summary>
/// One call on a pooled PostgreSQL connection, asked again on a fresh connection when the server
/// dropped the old one (a restart, a failover, an administrator's terminate), with the same rule as
/// <see cref="PostgresArticleStore"/> for what counts as a lost connection.
/// </summary>
internal static class PostgresCalls
{
    private const int Attempts = 3;

    /// <param name="failure">Says what failed, for the <see cref="StoreException"/> message.</param>
    /// <exception cref="StoreException">The call failed for another reason, or kept failing.</exception>
    public static T Run<T>(NpgsqlDataSource dataSource, string failure, Func<NpgsqlConnection, T> call)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = dataSource.OpenConnection();
                return call(connection);
            }
            catch (Exception ex) when (attempt < Attempts && PostgresArticleStore.IsConnectionLoss(ex))
            {
                dataSource.Clear(); // the other idle pooled connections were most likely dropped with this one
                Thread.Sleep(TimeSpan.FromMilliseconds(100 * attempt));
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                throw new StoreException($"{failure}: {ex.Message}", ex);
            }
        }
    }
}
