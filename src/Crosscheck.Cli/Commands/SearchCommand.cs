using System.CommandLine;
using System.Globalization;
using Crosscheck.Store;

namespace Crosscheck.Cli.Commands;

/// <summary>`crosscheck search QUERY --db postgres://...`: PostgreSQL full-text search over the stored reports.</summary>
internal static class SearchCommand
{
    public static Command Create(TextWriter output)
    {
        var query = new Argument<string>("QUERY") { Description = "Words (all must occur), \"a phrase\", or a prefix*." };
        var db = new Option<string>("--db")
        {
            Description = "The PostgreSQL store: postgres://user@host/db (CROSSCHECK_DB if not given).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CROSSCHECK_DB") ?? "",
        };
        var language = new Option<string?>("--language") { Description = "Search the reports in this language (ISO 639-1, e.g. en) with its stemming; default: all reports, words as written." };
        var limit = new Option<int>("--limit") { Description = "Most hits to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Full-text search over the reports in a PostgreSQL store, best first, with the matched words marked.") { query, db, language, limit };
        command.SetAction(parsed =>
        {
            var dbValue = parsed.GetValue(db)!;
            if (!StoreFactory.IsPostgres(dbValue)) throw new UsageException($"`crosscheck search` uses PostgreSQL's full-text search: pass --db postgres://user@host/database (got '{dbValue}').");
            using var store = PostgresArticleStore.Open(dbValue);
            var hits = store.Search(parsed.GetValue(query)!, parsed.GetValue(language), Math.Clamp(parsed.GetValue(limit), 1, 200));
            foreach (var hit in hits)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hit.Score:0.000}  {hit.ArticleId}  {hit.Title}"));
                output.WriteLine("    " + hit.Snippet.Replace(PostgresArticleStore.HitStart, '[').Replace(PostgresArticleStore.HitEnd, ']').ReplaceLineEndings(" "));
            }
            if (hits.Count == 0) output.WriteLine("no report matches");
            return CliApp.ExitOk;
        });
        return command;
    }
}
