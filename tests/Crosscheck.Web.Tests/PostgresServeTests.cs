using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crosscheck.Cli;
using Crosscheck.Store;
using Crosscheck.Tests.Store;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;

namespace Crosscheck.Web.Tests;

/// <summary>
/// `crosscheck serve --db postgres://...`: the same reports served from PostgreSQL and from SQLite
/// give the same stories, the same search results and the same pages; keys issued by `crosscheck keys`
/// into PostgreSQL are honoured, a posted report is stored in PostgreSQL and served.
/// </summary>
public sealed class PostgresServeTests
{
    private const string ReferenceDate = "2025-03-20";

    private static (int Code, string Output, string Errors) Cli(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = CliApp.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private static async Task<WebApplication> Start(string db, string inbox)
    {
        var date = DateOnly.Parse(ReferenceDate, System.Globalization.CultureInfo.InvariantCulture);
        var app = WebHost.Build(new WebOptions
        {
            DatabasePath = db,
            Urls = "http://127.0.0.1:0",
            ReferenceDate = () => date,
            StoreCheckInterval = TimeSpan.FromMilliseconds(300),
            InboxFolder = inbox,
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<string> Text(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Ids(string searchJson) =>
        JsonDocument.Parse(searchJson).RootElement.EnumerateArray().Select(hit => hit.GetProperty("articleId").GetString()!).Order(StringComparer.Ordinal).ToList();

    [PostgresFact]
    public async Task ServingFromPostgresAnswersAsServingFromSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crosscheck-pgserve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var server = new TestPostgres();
        var sqlitePath = Path.Combine(folder, "news.db");
        var samples = WebServer.RepoFile("samples");
        foreach (var db in new[] { sqlitePath, server.Url })
        {
            var analyze = Cli("analyze", samples, "--db", db, "--no-dossier", "--quiet", "--reference-date", ReferenceDate);
            analyze.Code.Should().Be(CliApp.ExitOk, analyze.Errors);
        }
        var keys = Cli("keys", "add", "desk", "--db", server.Url);
        keys.Code.Should().Be(CliApp.ExitOk, keys.Errors);
        var key = keys.Output.Trim();
        Cli("keys", "list", "--db", server.Url).Output.Should().StartWith("desk\t");

        await using var fromSqlite = await Start(sqlitePath, Path.Combine(folder, "inbox-sqlite"));
        await using var fromPostgres = await Start(server.Url, Path.Combine(folder, "inbox-postgres"));
        using var sqliteClient = new HttpClient { BaseAddress = WebHost.ListeningAddress(fromSqlite) };
        using var postgresClient = new HttpClient { BaseAddress = WebHost.ListeningAddress(fromPostgres) };

        foreach (var path in new[] { "/api/stories", "/api/claims", "/api/entities" })
        {
            (await Text(postgresClient, path)).Should().Be(await Text(sqliteClient, path), $"{path} is the same from either store");
        }
        foreach (var query in new[] { "flood", "harbor", "\"the river\"", "volunt*", "nothingofthekind" })
        {
            var path = "/api/search?q=" + Uri.EscapeDataString(query);
            Ids(await Text(postgresClient, path)).Should().Equal(Ids(await Text(sqliteClient, path)), $"'{query}' finds the same reports");
        }
        Ids(await Text(postgresClient, "/api/search?q=flood")).Should().NotBeEmpty();
        (await Text(postgresClient, "/search?q=flood")).Should().Contain("<mark>");
        Ids(await Text(postgresClient, "/api/search?q=flooding&lang=en")).Should().NotBeEmpty("PostgreSQL stems English: 'flooding' finds 'flood'");
        using (var badLanguage = await postgresClient.GetAsync("/api/search?q=flood&lang=english"))
        {
            badLanguage.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
        (await Text(postgresClient, "/api/feeds")).Should().Contain("\"feeds\":[]");

        // A key issued into PostgreSQL lets a report in; the report lands in PostgreSQL and is served.
        var before = (int)server.Scalar("SELECT count(*) FROM articles;");
        const string report = "The ferry operator in Quellmark said on Friday that 9 crossings were cancelled because of the gale. Harbour staff confirmed the pier was closed.";
        using (var refused = await postgresClient.SendAsync(Post(report, "not-a-key")))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        using var created = await postgresClient.SendAsync(Post(report, key));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("stored")[0].GetString()!;
        server.Scalar("SELECT count(*) FROM articles;").Should().Be(before + 1);
        await WebServer.Eventually(async () =>
        {
            using var response = await postgresClient.GetAsync("/api/articles/" + id);
            return response.StatusCode == HttpStatusCode.OK;
        }, "the posted report is served from PostgreSQL");
        Ids(await Text(postgresClient, "/api/search?q=Quellmark")).Should().Equal(id);

        // Revoked through the command line: refused at the next request.
        Cli("keys", "remove", "desk", "--db", server.Url).Code.Should().Be(CliApp.ExitOk);
        using (var revoked = await postgresClient.SendAsync(Post("Another invented report from Quellmark about the weather on Saturday.", key)))
        {
            revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        await fromSqlite.StopAsync();
        await fromPostgres.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [PostgresFact]
    public void WatchStoresAFoldersReportsInPostgres()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crosscheck-pgwatch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var server = new TestPostgres();
        File.WriteAllText(Path.Combine(folder, "gale.txt"), "Port officials in Quellmark said on Friday that the gale had torn the roof off the ferry terminal.");
        var first = Cli("watch", folder, "--once", "--db", server.Url, "--reference-date", ReferenceDate);
        first.Code.Should().Be(CliApp.ExitOk, first.Errors);
        first.Output.Should().Contain("1 stored");
        server.Scalar("SELECT count(*) FROM articles;").Should().Be(1);
        Cli("watch", folder, "--once", "--db", server.Url, "--reference-date", ReferenceDate).Output.Should().Contain("0 stored", "known content is skipped");
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [PostgresFact]
    public async Task TwoMachinesPostingUnderOneNameKeepBothReports()
    {
        var inbox = Path.Combine(Path.GetTempPath(), "crosscheck-pgintake-" + Guid.NewGuid().ToString("N"));
        using var server = new TestPostgres();
        using var store = ServerStore.Open(server.Url);
        var date = DateOnly.Parse(ReferenceDate, System.Globalization.CultureInfo.InvariantCulture);
        var components = Crosscheck.Processing.Components.CreateDefault(date);
        WebOptions On(string machine) => new() { DatabasePath = server.Url, ReferenceDate = () => date, InboxFolder = inbox, MachineName = machine };
        using var alpha = new ArticleIntake(On("alpha"), components, store);
        using var beta = new ArticleIntake(On("beta"), components, store);

        var first = await alpha.AddAsync(Encoding.UTF8.GetBytes("The ferry to Quellmark was cancelled on Friday because of the gale, the harbour office said."), ".txt", "ferry", CancellationToken.None);
        first.Stored.Should().ContainSingle();
        Directory.Delete(inbox, recursive: true); // the second machine has its own disk: the same path holds nothing there
        var second = await beta.AddAsync(Encoding.UTF8.GetBytes("Farmers near Lindow said on Saturday that the late frost had ruined most of the cherry blossom."), ".txt", "ferry", CancellationToken.None);
        second.Stored.Should().ContainSingle();

        server.Scalar("SELECT count(*) FROM articles;").Should().Be(2, "a report is replaced only by a newer version of the same file on the same machine");
        server.Scalar("SELECT count(DISTINCT location) FROM articles WHERE location LIKE 'alpha:%' OR location LIKE 'beta:%';").Should().Be(2);
        try { Directory.Delete(inbox, recursive: true); } catch (IOException) { }
    }

    private static HttpRequestMessage Post(string text, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(text, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
        request.Headers.Add("X-Api-Key", key);
        return request;
    }
}
