using System.Net.Http.Headers;
using System.Text;
using Crosscheck.Cli;
using Crosscheck.Store;
using Crosscheck.Web;
using Microsoft.AspNetCore.Builder;

namespace Crosscheck.Web.Tests;

/// <summary>
/// A real `crosscheck serve` (Kestrel on 127.0.0.1, a free port) over a fresh store holding the
/// team's invented sample corpus and the hostile reports below; one API key is issued.
/// </summary>
public sealed class WebServer : IAsyncLifetime
{
    public const string ReferenceDate = "2025-03-20";

    /// <summary>Invented reports whose title, text and address try to inject markup.</summary>
    public static readonly string HostileTitle = "Flood <script>alert('title')</script> update \"quoted\" & <b onmouseover=alert(1)>bold</b>";
    public static readonly string HostileText = "Officials in Marrowfield said on Tuesday that 12 houses were flooded <img src=x onerror=alert('text')>. "
        + "The council denied that the levee had failed, according to a spokesman. Zyxquorl pumps were running all night.";
    public static readonly string HostileUrl = "javascript:alert('url')";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crosscheck-web-" + Guid.NewGuid().ToString("N"));

    public WebApplication App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public Uri Address { get; private set; } = null!;
    public string DatabasePath => Path.Combine(_folder, "news.db");
    public string ApiKey { get; private set; } = "";

    /// <summary>Options a test can change before the server starts (limits for the limit tests).</summary>
    public Func<WebOptions, WebOptions> Configure { get; init; } = options => options;

    /// <summary>Extra routes a test maps before the server starts (a route that fails, for the error tests).</summary>
    public Action<WebApplication> BeforeStart { get; init; } = _ => { };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var inputs = Path.Combine(_folder, "inputs");
        Directory.CreateDirectory(inputs);
        var hostile = $$"""
            {"id": "hostile-report", "title": {{System.Text.Json.JsonSerializer.Serialize(HostileTitle)}}, "maintext": {{System.Text.Json.JsonSerializer.Serialize(HostileText)}},
             "date_publish": "2025-03-18", "source_domain": "<i>evil</i>.example", "url": {{System.Text.Json.JsonSerializer.Serialize(HostileUrl)}}}
            """;
        await File.WriteAllTextAsync(Path.Combine(inputs, "hostile.json"), hostile);
        var exit = CliApp.Run(["analyze", RepoFile("samples"), inputs, "--db", DatabasePath, "--no-dossier", "--quiet", "--reference-date", ReferenceDate],
            TextWriter.Null, TextWriter.Null);
        if (exit != CliApp.ExitOk) throw new InvalidOperationException($"analyze exited with {exit}");
        ApiKey = new SqliteServerTables(DatabasePath).AddApiKey("tests", DateTimeOffset.UnixEpoch);
        var date = DateOnly.Parse(ReferenceDate, System.Globalization.CultureInfo.InvariantCulture);
        var options = Configure(new WebOptions
        {
            DatabasePath = DatabasePath,
            Urls = "http://127.0.0.1:0",
            ReferenceDate = () => date,
            StoreCheckInterval = TimeSpan.FromMilliseconds(300),
        });
        App = WebHost.Build(options);
        BeforeStart(App);
        await App.StartAsync();
        Address = WebHost.ListeningAddress(App);
        Client = new HttpClient { BaseAddress = Address };
    }

    public HttpRequestMessage Post(string path, string body, string contentType, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    /// <summary>Polls until <paramref name="condition"/> holds (the dossier is reassembled in the background after a write).</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"not within {seconds} s: {what}");
    }

    public int StoredCount()
    {
        using var store = SqliteArticleStore.Open(DatabasePath);
        return store.ArticleCount;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Crosscheck.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string RepoFile(params string[] parts) => Path.Combine([RepoRoot(), .. parts]);
}

[CollectionDefinition(Name)]
public sealed class SharedServer : ICollectionFixture<WebServer>
{
    public const string Name = "shared web server";
}
