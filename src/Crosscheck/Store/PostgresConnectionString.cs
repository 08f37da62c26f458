using Npgsql;

namespace Crosscheck.Store;

/// <summary>
/// Reads what a user passes as <c>--db</c> for PostgreSQL: a URL
/// (<c>postgres://user:password@host:port/database?search_path=crosscheck&amp;sslmode=require</c>) or an
/// Npgsql connection string (<c>Host=db1;Username=crosscheck;Database=news</c>).
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>True when <paramref name="db"/> names a PostgreSQL database rather than an SQLite file.</summary>
    public static bool IsPostgres(string db)
    {
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)) return true;
        // A connection string names its host; a file name never holds "Host=" as a key of a ';' list.
        return db.Split(';').Any(part => part.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || part.TrimStart().StartsWith("Server=", StringComparison.OrdinalIgnoreCase));
    }

    /// <exception cref="StoreAddressException">The URL or connection string cannot be read; the message says which part.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string db)
    {
        try
        {
            var builder = db.Contains("://", StringComparison.Ordinal) ? FromUrl(db) : new NpgsqlConnectionStringBuilder(db);
            if (string.IsNullOrEmpty(builder.Host)) throw new StoreAddressException($"The PostgreSQL address '{Redacted(db)}' names no host.");
            return builder;
        }
        catch (ArgumentException ex)
        {
            throw new StoreAddressException($"The PostgreSQL address '{Redacted(db)}' cannot be read: {ex.Message}", ex);
        }
    }

    private static readonly string[] PasswordKeys = ["password", "pwd", "psw"];

    /// <summary>
    /// The address with any password replaced, fit for messages and logs. A URL is masked from the
    /// first ':' of its user part to the last '@' (where the parser ends the credentials), so a
    /// password holding '@', '/' or '?' is hidden whole; a password given as a query parameter is
    /// masked too. A connection string is masked through Npgsql's own reading of it.
    /// </summary>
    public static string Redacted(string db)
    {
        if (db.Contains("://", StringComparison.Ordinal))
        {
            int scheme = db.IndexOf("://", StringComparison.Ordinal) + 3;
            var head = db[..scheme];
            var rest = db[scheme..];
            int at = rest.LastIndexOf('@');
            int colon = at < 0 ? -1 : rest.IndexOf(':');
            if (colon >= 0 && colon < at) rest = rest[..(colon + 1)] + "***" + rest[at..];
            int question = rest.IndexOf('?');
            if (question >= 0)
            {
                var query = rest[(question + 1)..].Split('&').Select(pair =>
                {
                    int equals = pair.IndexOf('=');
                    var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).Trim();
                    return PasswordKeys.Contains(key, StringComparer.OrdinalIgnoreCase) ? (equals < 0 ? pair : pair[..equals]) + "=***" : pair;
                });
                rest = rest[..(question + 1)] + string.Join('&', query);
            }
            return head + rest;
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(db);
            if (builder.Password is not null) builder.Password = "***";
            return builder.ToString();
        }
        catch (ArgumentException)
        {
            // Unreadable: keep only the parts before the first password key, as its value may run on past a ';'.
            var parts = db.Split(';');
            int first = Array.FindIndex(parts, part => part.Contains('=') && PasswordKeys.Contains(part[..part.IndexOf('=')].Trim(), StringComparer.OrdinalIgnoreCase));
            return first < 0 ? db : string.Join(';', parts.Take(first).Append(parts[first][..parts[first].IndexOf('=')] + "=***"));
        }
    }

    /// <summary>A port or timeout in a URL: a number, or an ArgumentException naming the part.</summary>
    private static int Number(string value, string what) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"the {what} '{value}' is not a number");

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = url[..schemeEnd];
        if (!scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"the scheme '{scheme}' is not postgres:// or postgresql://");
        }
        var rest = url[(schemeEnd + 3)..];
        string? query = null;
        int questionMark = rest.IndexOf('?');
        if (questionMark >= 0) { query = rest[(questionMark + 1)..]; rest = rest[..questionMark]; }
        string database = "";
        int slash = rest.IndexOf('/');
        if (slash >= 0) { database = Uri.UnescapeDataString(rest[(slash + 1)..]); rest = rest[..slash]; }
        var builder = new NpgsqlConnectionStringBuilder();
        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var credentials = rest[..at];
            rest = rest[(at + 1)..];
            int colon = credentials.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? credentials : credentials[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(credentials[(colon + 1)..]);
        }
        if (rest.Length > 0)
        {
            // [v6 address]:port, host:port or host; several hosts separated by commas are passed on as they are.
            int portColon = rest.StartsWith('[') ? rest.IndexOf(':', rest.IndexOf(']')) : rest.LastIndexOf(':');
            if (portColon > 0 && !rest.Contains(','))
            {
                builder.Host = Uri.UnescapeDataString(rest[..portColon]).Trim('[', ']');
                builder.Port = Number(rest[(portColon + 1)..], "port");
            }
            else
            {
                builder.Host = Uri.UnescapeDataString(rest);
            }
        }
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            switch (key.ToLowerInvariant())
            {
                case "host": builder.Host = value; break; // a unix socket folder: postgres:///news?host=/var/run/postgresql
                case "port": builder.Port = Number(value, "port"); break;
                case "sslmode": builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", ""), ignoreCase: true); break;
                case "search_path" or "schema": builder.SearchPath = value; break;
                case "application_name": builder.ApplicationName = value; break;
                case "connect_timeout": builder.Timeout = Number(value, "connect_timeout"); break;
                default: builder[key] = value; break; // any Npgsql keyword; an unknown one is an ArgumentException
            }
        }
        return builder;
    }
}

/// <summary>A <c>--db</c> PostgreSQL address that cannot be read: the user's input is wrong, not the store.</summary>
public sealed class StoreAddressException(string message, Exception? inner = null) : StoreException(message, inner);
