using System.CommandLine;
using Crosscheck.Cli.Commands;

namespace Crosscheck.Cli;

/// <summary>The `crosscheck` command line: parses, dispatches, and maps outcomes to documented exit codes.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitSomeInputsRejected = 1;
    public const int ExitUsage = 2;
    public const int ExitFailure = 3;

    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("""
            Crosscheck turns a pile or a stream of news reports into one cross-checked dossier:
            which reports tell the same story, who claims what, how many independent origins stand
            behind each claim, which numbers disagree, what is unverified, what happened when and where.

            Examples:
              crosscheck analyze samples/                      analyse a folder, write ./dossier/
              crosscheck analyze a.txt feed.jsonl page.html --out out/ --db news.db
              crosscheck eval times ../shared/datasets/tempeval3-dev
              crosscheck eval stories ../shared/datasets/ecbplus-dev/ECB+ --json
              crosscheck serve --db news.db                    web app and API at http://127.0.0.1:5080
              crosscheck watch https://example.org/feed.xml    analyse new feed items as they appear
              crosscheck enqueue feeds/ --db postgres://crosscheck@db1/news   then, on any machines:
              crosscheck worker --db postgres://crosscheck@db1/news            and at the end:
              crosscheck dossier --db postgres://crosscheck@db1/news --out dossier/

            Exit codes: 0 all inputs read, 1 some inputs rejected (each named on stderr), 2 usage error,
            3 the store or the output folder failed (what was already stored is kept).
            """);
        root.Add(AnalyzeCommand.Create(output, error));
        root.Add(EvalCommand.Create(output, error));
        foreach (var command in ExtraCommands.Create(output, error)) root.Add(command);
        foreach (var command in WebCommands.Create(output, error)) root.Add(command);
        foreach (var command in QueueCommands.Create(output, error)) root.Add(command);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors) error.WriteLine($"crosscheck: {parseError.Message}");
            error.WriteLine("Run 'crosscheck --help' for usage.");
            return ExitUsage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is UsageException or Store.StoreAddressException)
        {
            error.WriteLine($"crosscheck: {ex.Message}");
            return ExitUsage;
        }
        catch (Exception ex) when (ex is Store.StoreException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or IOException
            or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // The store, the disk or a stored record failed: one clear line, no stack trace.
            // Every batch already committed stays in the store; a rerun continues from there.
            error.WriteLine($"crosscheck: {ex.Message}");
            return ExitFailure;
        }
    }
}

/// <summary>The user asked for something that cannot be done as asked; the message says what to change.</summary>
public sealed class UsageException(string message) : Exception(message);
