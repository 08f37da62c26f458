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

    /// <exception cref="StoreException">The URL or connection string cannot be read; the message says which part.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string db)
    {
        try
        {
            var builder = db.Contains("://", StringComparison.Ordinal) ? FromUrl(db) : new NpgsqlConnectionStringBuilder(db);
            if (string.IsNullOrEmpty(builder.Host)) throw new StoreException($"The PostgreSQL address '{Redacted(db)}' names no host.");
            return builder;
        }
        catch (ArgumentException ex)
        {
            throw new StoreException($"The PostgreSQL address '{Redacted(db)}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The address with any password replaced, fit for messages and logs.</summary>
    public static string Redacted(string db)
    {
        if (db.Contains("://", StringComparison.Ordinal))
        {
            int scheme = db.IndexOf("://", StringComparison.Ordinal) + 3;
            int at = db.IndexOf('@', scheme);
            int colon = at < 0 ? -1 : db.IndexOf(':', scheme, at - scheme);
            return colon < 0 ? db : db[..(colon + 1)] + "***" + db[at..];
        }
        return string.Join(';', db.Split(';').Select(part =>
            part.TrimStart().StartsWith("Password=", StringComparison.OrdinalIgnoreCase) ? "Password=***" : part));
    }

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
                builder.Port = int.Parse(rest[(portColon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
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
                case "port": builder.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "sslmode": builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", ""), ignoreCase: true); break;
                case "search_path" or "schema": builder.SearchPath = value; break;
                case "application_name": builder.ApplicationName = value; break;
                case "connect_timeout": builder.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                default: builder[key] = value; break; // any Npgsql keyword; an unknown one is an ArgumentException
            }
        }
        return builder;
    }
}
