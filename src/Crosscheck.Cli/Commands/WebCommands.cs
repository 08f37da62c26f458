using System.CommandLine;
using System.Globalization;
using Crosscheck.Processing;
using Crosscheck.Store;
using Crosscheck.Web;
using Crosscheck.Web.Feeds;
using Microsoft.Extensions.Hosting;

namespace Crosscheck.Cli.Commands;

/// <summary>`crosscheck serve`, `crosscheck watch` and `crosscheck keys`: thin wrappers over Crosscheck.Web.</summary>
internal static class WebCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        yield return Serve(output, error);
        yield return Watch(output, error);
        yield return Keys(output);
    }

    private static Option<string> DbOption() => new("--db")
    {
        Description = "The store: an SQLite file, or PostgreSQL as postgres://user@host/db (CROSSCHECK_DB if not given).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CROSSCHECK_DB") ?? "crosscheck.db",
    };


    private static Option<string?> ReferenceDateOption() => new("--reference-date") { Description = "YYYY-MM-DD anchor for relative dates in undated reports (default: today)." };

    private static Func<DateOnly> ReferenceDate(string? value)
    {
        if (value is not null)
        {
            var fixedDate = AnalyzeCommand.ParseReferenceDate(value);
            return () => fixedDate;
        }
        return () => DateOnly.FromDateTime(DateTime.Today); // the CLI is the one place that reads the clock
    }

    private static Command Serve(TextWriter output, TextWriter error)
    {
        var db = DbOption();
        var urls = new Option<string>("--urls") { Description = "Address(es) to listen on, ';'-separated.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var allowPublic = new Option<bool>("--public") { Description = "Allow listening on a non-loopback address (put it behind TLS)." };
        var readKey = new Option<bool>("--read-key") { Description = "Require an API key (X-Api-Key or Authorization: Bearer header) for reads too, of the API and the HTML pages alike; only /assets and /healthz stay open (writes always need one)." };
        var maxBody = new Option<long>("--max-body") { Description = "Largest accepted request body in bytes.", DefaultValueFactory = _ => 4 * 1024 * 1024 };
        var readRate = new Option<int>("--read-rate") { Description = "Read requests per second allowed per client address.", DefaultValueFactory = _ => 500 };
        var watch = new Option<string[]>("--watch") { Description = "Also poll these feeds or folders, as `crosscheck watch` does.", AllowMultipleArgumentsPerToken = true };
        var watchInterval = new Option<int>("--watch-interval") { Description = "Seconds between polls of one watched feed.", DefaultValueFactory = _ => 300 };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow watched feeds on loopback, private or link-local addresses." };
        var referenceDate = ReferenceDateOption();
        var command = new Command("serve", """
            Serve the newsroom web app and JSON API over the store: stories, dossiers, claims, entities,
            events, reports with their evidence, full-text search, POST /api/articles (API key needed;
            see `crosscheck keys add`). OpenAPI document at /openapi/v1.json.
            """) { db, urls, allowPublic, readKey, maxBody, readRate, watch, watchInterval, allowPrivate, referenceDate };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(watchInterval) < 1) throw new UsageException("--watch-interval must be at least 1 second.");
            var listen = parsed.GetValue(urls)!;
            if (!parsed.GetValue(allowPublic) && !WebHost.IsLoopbackOnly(listen))
            {
                throw new UsageException($"--urls '{listen}' is not a loopback address; add --public to serve beyond this machine.");
            }
            var options = new WebOptions
            {
                DatabasePath = parsed.GetValue(db)!,
                Urls = listen,
                ReferenceDate = ReferenceDate(parsed.GetValue(referenceDate)),
                RequireKeyForReads = parsed.GetValue(readKey),
                MaxRequestBodyBytes = parsed.GetValue(maxBody),
                ReadRequestsPerSecond = parsed.GetValue(readRate),
                WatchSources = parsed.GetValue(watch) ?? [],
                Watch = new WatchOptions { Interval = TimeSpan.FromSeconds(parsed.GetValue(watchInterval)), AllowPrivateAddresses = parsed.GetValue(allowPrivate) },
            };
            output.WriteLine($"crosscheck: assembling the dossier from {StoreFactory.DisplayName(options.DatabasePath)} ...");
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = WebHost.Build(options);
            }
            catch (StoreException ex)
            {
                error.WriteLine($"crosscheck: {ex.Message}");
                return CliApp.ExitUsage;
            }
            app.Start();
            output.WriteLine($"crosscheck: serving {app.Services.GetDossierArticleCount():N0} reports at {WebHost.ListeningAddress(app)} (Ctrl+C stops)");
            app.WaitForShutdown();
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Watch(TextWriter output, TextWriter error)
    {
        var sources = new Argument<string[]>("SOURCE") { Description = "Feed addresses (RSS 2.0, Atom, JSON Feed) or folders to watch.", Arity = ArgumentArity.OneOrMore };
        var db = DbOption();
        var interval = new Option<int>("--interval") { Description = "Seconds between polls of one feed (failures back off from here).", DefaultValueFactory = _ => 300 };
        var once = new Option<bool>("--once") { Description = "Poll every source once and exit." };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow feeds on loopback, private or link-local addresses (refused by default)." };
        var referenceDate = ReferenceDateOption();
        var command = new Command("watch", """
            Poll feeds and folders and analyse every new report into the store; a running `crosscheck serve`
            on the same database shows them within seconds. Conditional GET, backoff on failure; feeds
            and items that fail are listed with their reasons (on stderr and at /feeds).
            """) { sources, db, interval, once, allowPrivate, referenceDate };
        command.SetAction(parsed =>
        {
            var seconds = parsed.GetValue(interval);
            if (seconds < 1) throw new UsageException("--interval must be at least 1 second.");
            var options = new WebOptions { DatabasePath = parsed.GetValue(db)!, ReferenceDate = ReferenceDate(parsed.GetValue(referenceDate)) };
            using var store = ServerStore.Open(options.DatabasePath);
            var components = Components.CreateDefault(options.ReferenceDate());
            using var intake = new ArticleIntake(options, components, store);
            var watchOptions = new WatchOptions { Interval = TimeSpan.FromSeconds(seconds), AllowPrivateAddresses = parsed.GetValue(allowPrivate) };
            using var watcher = new FeedWatcher(store.Tables, intake, watchOptions, options.Inbox, TimeProvider.System);
            var list = parsed.GetValue(sources)!;
            void Report(PollOutcome outcome) => (outcome.Error is null ? output : error).WriteLine(FeedWatcher.Describe(outcome));
            if (parsed.GetValue(once))
            {
                var outcomes = watcher.PollDueAsync(list, CancellationToken.None, ignoreSchedule: true).GetAwaiter().GetResult();
                foreach (var outcome in outcomes) Report(outcome);
                return outcomes.Any(o => o.Error is not null || o.Failed > 0) ? CliApp.ExitSomeInputsRejected : CliApp.ExitOk;
            }
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            output.WriteLine($"crosscheck: watching {list.Length} source(s) every {seconds} s (Ctrl+C stops)");
            try
            {
                watcher.RunAsync(list, Report, stop.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Keys(TextWriter output)
    {
        var name = new Argument<string>("NAME") { Description = "Who or what the key is for (a person, a script)." };
        var db = DbOption();
        var add = new Command("add", "Create an API key for writes (POST /api/articles); it is printed once and stored only as a hash.") { name, db };
        add.SetAction(parsed =>
        {
            var dbPath = parsed.GetValue(db)!;
            using var store = ServerStore.Open(dbPath);
            var key = store.Tables.AddApiKey(parsed.GetValue(name)!, DateTimeOffset.UtcNow);
            output.WriteLine(key);
            return CliApp.ExitOk;
        });
        var listDb = DbOption();
        var list = new Command("list", "List the keys issued: name, date, and the start of the stored hash (keys themselves are never stored).") { listDb };
        list.SetAction(parsed =>
        {
            var dbPath = parsed.GetValue(listDb)!;
            using var store = ServerStore.Open(dbPath);
            var keys = store.Tables.ApiKeys();
            if (keys.Count == 0) output.WriteLine("no API keys; `crosscheck keys add NAME` creates one");
            foreach (var key in keys) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key.Name}\t{key.Created:yyyy-MM-dd HH:mm}Z\t{key.HashPrefix}"));
            return CliApp.ExitOk;
        });
        var removeName = new Argument<string>("NAME") { Description = "Whose keys to revoke (every key issued to this name)." };
        var removeDb = DbOption();
        var remove = new Command("remove", "Revoke every key issued to NAME; a running server refuses them from the next request.") { removeName, removeDb };
        remove.SetAction(parsed =>
        {
            var dbPath = parsed.GetValue(removeDb)!;
            using var store = ServerStore.Open(dbPath);
            int removed = store.Tables.RemoveApiKeys(parsed.GetValue(removeName)!);
            if (removed == 0) throw new UsageException($"no API key is issued to '{parsed.GetValue(removeName)}'; `crosscheck keys list` shows the names");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"revoked {removed} key(s) of '{parsed.GetValue(removeName)}'"));
            return CliApp.ExitOk;
        });
        return new Command("keys", "Manage API keys for `crosscheck serve`.") { add, list, remove };
    }
}
