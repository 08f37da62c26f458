using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crosscheck.Cli;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Web.Tests;

[Collection(SharedServer.Name)]
public class SecurityTests(WebServer server)
{
    private async Task<string> Page(string path)
    {
        using var response = await server.Client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>No markup from the hostile report reaches a page as markup.</summary>
    private static void ShouldBeInert(string html)
    {
        html.Should().NotContain("<script>alert");
        html.Should().NotContain("<img src=x");
        html.Should().NotContain("<b onmouseover");
        html.Should().NotContain("<i>evil");
        html.Should().NotContainEquivalentOf("href=\"javascript:");
        Regex.Matches(html, "<script[^>]*>").Should().OnlyContain(m => m.Value == "<script src=\"/assets/app.js\">");
        html.Should().NotContain(" style=");
        Regex.IsMatch(html, @"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase).Should().BeFalse("no element may carry an event handler");
    }

    [Fact]
    public async Task HostileTitlesTextsAndAddressesAreEscapedOnEveryPage()
    {
        var article = await Page("/articles/hostile-report");
        ShouldBeInert(article);
        article.Should().Contain("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
        article.Should().Contain("&lt;img src=x onerror=alert(&#39;text&#39;)&gt;");
        article.Should().Contain("javascript:alert(&#39;url&#39;)", "an unsafe address is shown as text, not linked");

        ShouldBeInert(await Page("/"));
        ShouldBeInert(await Page("/search?q=" + Uri.EscapeDataString("zyxquorl <script>alert('q')</script>")));
        using var story = await server.Client.GetAsync("/api/articles/hostile-report");
        var storyId = (await story.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("story").GetString();
        if (storyId is not null) ShouldBeInert(await Page("/stories/" + storyId));
        ShouldBeInert(await Page("/search?q=flooded"));
    }

    [Fact]
    public async Task AHostileSearchQueryIsEchoedEscaped()
    {
        var html = await Page("/search?q=" + Uri.EscapeDataString("\"><script>alert(1)</script>"));
        html.Should().NotContain("\"><script>alert(1)");
        html.Should().Contain("&quot;&gt;&lt;script&gt;");
    }

    [Fact]
    public async Task EveryResponseCarriesAStrictContentSecurityPolicy()
    {
        foreach (var path in new[] { "/", "/search?q=x", "/api/stories", "/assets/app.js", "/stories/none" })
        {
            using var response = await server.Client.GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.Should().Contain("default-src 'none'").And.Contain("script-src 'self'").And.NotContain("unsafe-inline").And.NotContain("unsafe-eval");
            response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
            response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        }
    }

    [Fact]
    public async Task WritesNeedAKeyThisStoreIssued()
    {
        var body = JsonSerializer.Serialize(new { title = "Unkeyed", maintext = "Nobody may add this without a key, said the editor on Monday." });
        var before = server.StoredCount();
        using var none = await server.Client.SendAsync(server.Post("/api/articles", body, "application/json", null));
        none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await none.Content.ReadAsStringAsync()).Should().Contain("crosscheck keys add");
        using var wrong = await server.Client.SendAsync(server.Post("/api/articles", body, "application/json", "cc_" + new string('0', 48)));
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var bearer = server.Post("/api/articles", body, "application/json", null);
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.ApiKey);
        using var keyed = await server.Client.SendAsync(bearer);
        keyed.StatusCode.Should().Be(HttpStatusCode.Created);
        server.StoredCount().Should().Be(before + 1);
    }

    [Fact]
    public async Task AKeyMadeByTheCommandLineAuthorisesWrites()
    {
        var output = new StringWriter();
        CliApp.Run(["keys", "add", "desk editor", "--db", server.DatabasePath], output, TextWriter.Null).Should().Be(CliApp.ExitOk);
        var key = output.ToString().Trim();
        key.Should().StartWith("cc_");
        using var response = await server.Client.SendAsync(server.Post("/api/articles",
            "The ferry operator in Dunmarsh said on Wednesday that crossings would resume at noon.", "text/plain", key));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAtTheNextRequestAndListingNeverShowsAKey()
    {
        var output = new StringWriter();
        CliApp.Run(["keys", "add", "night desk", "--db", server.DatabasePath], output, TextWriter.Null).Should().Be(CliApp.ExitOk);
        var key = output.ToString().Trim();

        var listed = new StringWriter();
        CliApp.Run(["keys", "list", "--db", server.DatabasePath], listed, TextWriter.Null).Should().Be(CliApp.ExitOk);
        listed.ToString().Should().Contain("night desk").And.NotContain(key);

        CliApp.Run(["keys", "remove", "night desk", "--db", server.DatabasePath], TextWriter.Null, TextWriter.Null).Should().Be(CliApp.ExitOk);
        using var response = await server.Client.SendAsync(server.Post("/api/articles",
            "The harbour master in Dunmarsh said on Thursday that the pier would reopen.", "text/plain", key));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var error = new StringWriter();
        CliApp.Run(["keys", "remove", "night desk", "--db", server.DatabasePath], TextWriter.Null, error).Should().Be(CliApp.ExitUsage);
        error.ToString().Should().Contain("no API key is issued to 'night desk'");
    }

    [Fact]
    public async Task MalformedJsonGetsA400NamingWhereItBreaks()
    {
        var before = server.StoredCount();
        using var response = await server.Client.SendAsync(server.Post("/api/articles", "{\"title\": \"half\", \"maintext\": ", "application/json", server.ApiKey));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().StartWith("malformed JSON at line 1");
        using var scalar = await server.Client.SendAsync(server.Post("/api/articles", "42", "application/json", server.ApiKey));
        scalar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var noText = await server.Client.SendAsync(server.Post("/api/articles", "{\"title\": \"no body\"}", "application/json", server.ApiKey));
        noText.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        server.StoredCount().Should().Be(before);
        using var media = await server.Client.SendAsync(server.Post("/api/articles", "x", "image/png", server.ApiKey));
        media.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AFiftyMegabyteBodyIsRefusedAndTheServerKeepsServing()
    {
        var before = server.StoredCount();
        var huge = new ByteArrayContent(new byte[50 * 1024 * 1024]);
        huge.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = huge };
        request.Headers.Add("X-Api-Key", server.ApiKey);
        HttpResponseMessage? response = null;
        try
        {
            response = await server.Client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection before the client finished sending; the next request shows whether it survived.
        }
        if (response is not null)
        {
            response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
            (await response.Content.ReadAsStringAsync()).Should().Contain("larger than");
            response.Dispose();
        }
        // Also without a Content-Length: the limit holds while reading a chunked body.
        var chunked = new StreamContent(new MemoryStream(new byte[6 * 1024 * 1024]));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var streamed = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = chunked };
        streamed.Headers.TransferEncodingChunked = true;
        streamed.Headers.Add("X-Api-Key", server.ApiKey);
        try
        {
            using var second = await server.Client.SendAsync(streamed);
            second.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        }
        catch (HttpRequestException)
        {
        }
        using var after = await server.Client.GetAsync("/api/stories");
        after.StatusCode.Should().Be(HttpStatusCode.OK);
        server.StoredCount().Should().Be(before);
    }

    [Fact]
    public async Task AFailureInsideTheServerShowsNoStackTraceAndTheServerKeepsServing()
    {
        // Break the search table behind the server's back: the query fails inside SQLite.
        using (var connection = new SqliteConnection($"Data Source={server.DatabasePath}"))
        {
            connection.Open();
            using var rename = connection.CreateCommand();
            rename.CommandText = "ALTER TABLE search_articles RENAME TO search_articles_away;";
            rename.ExecuteNonQuery();
        }
        try
        {
            using var response = await server.Client.GetAsync("/api/search?q=harbour");
            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            var body = await response.Content.ReadAsStringAsync();
            body.Should().Contain("could not answer");
            body.Should().NotContain("Exception").And.NotContain(" at ").And.NotContain("search_articles").And.NotContain(".cs");
            using var page = await server.Client.GetAsync("/");
            page.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            using var connection = new SqliteConnection($"Data Source={server.DatabasePath}");
            connection.Open();
            using var rename = connection.CreateCommand();
            rename.CommandText = "ALTER TABLE search_articles_away RENAME TO search_articles;";
            rename.ExecuteNonQuery();
        }
    }

    [Fact]
    public void TheServerListensOnLoopbackUnlessToldOtherwise()
    {
        new WebOptions { DatabasePath = "x.db", ReferenceDate = () => default }.Urls.Should().Be("http://127.0.0.1:5080");
        WebHost.IsLoopbackOnly("http://127.0.0.1:5080").Should().BeTrue();
        WebHost.IsLoopbackOnly("http://localhost:5080;http://[::1]:5081").Should().BeTrue();
        WebHost.IsLoopbackOnly("http://0.0.0.0:5080").Should().BeFalse();
        WebHost.IsLoopbackOnly("http://192.168.1.4:5080").Should().BeFalse();
        var error = new StringWriter();
        CliApp.Run(["serve", "--db", server.DatabasePath, "--urls", "http://0.0.0.0:5999"], TextWriter.Null, error).Should().Be(CliApp.ExitUsage);
        error.ToString().Should().Contain("--public");
    }
}

public class RateLimitTests
{
    [Fact]
    public async Task WritesAndReadsOverTheLimitGet429WithRetryAfter()
    {
        var server = new WebServer { Configure = o => o with { WriteRequestsPerMinute = 2, ReadRequestsPerSecond = 5 } };
        await server.InitializeAsync();
        try
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                using var response = await server.Client.SendAsync(server.Post("/api/articles", $"Report number {i} from Harrowgate, said the clerk on Monday.", "text/plain", server.ApiKey));
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests) response.Headers.RetryAfter.Should().NotBeNull();
            }
            statuses.Should().Equal(HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests);

            var reads = new List<HttpStatusCode>();
            for (var i = 0; i < 12; i++)
            {
                using var response = await server.Client.GetAsync("/api/stories");
                reads.Add(response.StatusCode);
            }
            reads.Should().Contain(HttpStatusCode.OK).And.Contain(HttpStatusCode.TooManyRequests);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task KeyedReadsRefuseTheApiWithoutAKey()
    {
        var server = new WebServer { Configure = o => o with { RequireKeyForReads = true } };
        await server.InitializeAsync();
        try
        {
            using var open = await server.Client.GetAsync("/api/stories");
            open.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stories");
            request.Headers.Add("X-Api-Key", server.ApiKey);
            using var keyed = await server.Client.SendAsync(request);
            keyed.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task KeyedReadsRefuseThePagesWithoutAKeyButNotTheAssetsOrTheHealthCheck()
    {
        var server = new WebServer { Configure = o => o with { RequireKeyForReads = true } };
        await server.InitializeAsync();
        try
        {
            foreach (var path in new[] { "/", "/search?q=flood", "/feeds", "/stories/unknown", "/entities/unknown", "/articles/unknown" })
            {
                using var open = await server.Client.GetAsync(path);
                open.StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("X-Api-Key", server.ApiKey);
                using var keyed = await server.Client.SendAsync(request);
                keyed.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized, path);
            }
            using var home = new HttpRequestMessage(HttpMethod.Get, "/");
            home.Headers.Add("X-Api-Key", server.ApiKey);
            using var homePage = await server.Client.SendAsync(home);
            homePage.StatusCode.Should().Be(HttpStatusCode.OK);
            using var asset = await server.Client.GetAsync("/assets/app.css");
            asset.StatusCode.Should().Be(HttpStatusCode.OK);
            using var health = await server.Client.GetAsync("/healthz");
            health.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task AServerErrorAnswerCarriesTheSecurityHeaders()
    {
        var server = new WebServer { BeforeStart = app => app.MapGet("/fails", string () => throw new InvalidOperationException("a bug")) };
        await server.InitializeAsync();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/fails");
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await server.Client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(WebHost.ContentSecurityPolicy);
            response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
            response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
