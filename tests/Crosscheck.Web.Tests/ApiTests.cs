using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Crosscheck.Web.Tests;

[Collection(SharedServer.Name)]
public class ApiTests(WebServer server)
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> Get(string path)
    {
        using var response = await server.Client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return await Json(response);
    }

    [Fact]
    public async Task StoriesAreListedBiggestFirstAndEachStoryHasItsDossier()
    {
        var stories = await Get("/api/stories");
        var items = stories.GetProperty("items").EnumerateArray().ToList();
        items.Should().NotBeEmpty();
        stories.GetProperty("total").GetInt32().Should().Be(items.Count);
        var counts = items.Select(s => s.GetProperty("articleCount").GetInt32()).ToList();
        counts.Should().BeInDescendingOrder();

        var first = items[0].GetProperty("id").GetString()!;
        var dossier = await Get("/api/stories/" + first);
        dossier.GetProperty("articles").GetArrayLength().Should().Be(counts[0]);
        foreach (var claim in dossier.GetProperty("claims").EnumerateArray()) claim.GetProperty("story").GetString().Should().Be(first);
        dossier.GetProperty("claims").GetArrayLength().Should().Be(items[0].GetProperty("claimCount").GetInt32());
    }

    [Fact]
    public async Task StoriesFilterByEntityPlaceAndTime()
    {
        var all = (await Get("/api/stories")).GetProperty("items").EnumerateArray().ToList();
        var withPlace = all.First(s => s.GetProperty("places").GetArrayLength() > 0);
        var place = withPlace.GetProperty("places")[0].GetString()!;
        var byPlace = (await Get("/api/stories?place=" + Uri.EscapeDataString(place))).GetProperty("items").EnumerateArray().ToList();
        byPlace.Should().Contain(s => s.GetProperty("id").GetString() == withPlace.GetProperty("id").GetString());
        byPlace.Should().OnlyContain(s => s.GetProperty("places").EnumerateArray().Any(p => p.GetString()!.Contains(place, StringComparison.OrdinalIgnoreCase)));

        var entityId = withPlace.GetProperty("entities")[0].GetString()!;
        var byEntity = (await Get("/api/stories?entity=" + Uri.EscapeDataString(entityId))).GetProperty("items").EnumerateArray().ToList();
        byEntity.Should().OnlyContain(s => s.GetProperty("entities").EnumerateArray().Any(e => e.GetString() == entityId));

        var dated = all.First(s => s.GetProperty("lastPublished").ValueKind == JsonValueKind.String);
        var last = dated.GetProperty("lastPublished").GetString()!;
        var after = (await Get("/api/stories?from=" + DateOnly.Parse(last).AddDays(1).ToString("yyyy-MM-dd"))).GetProperty("items").EnumerateArray();
        after.Should().NotContain(s => s.GetProperty("id").GetString() == dated.GetProperty("id").GetString());
        var upTo = (await Get("/api/stories?from=" + last + "&to=" + last)).GetProperty("items").EnumerateArray();
        upTo.Should().Contain(s => s.GetProperty("id").GetString() == dated.GetProperty("id").GetString());

        using var bad = await server.Client.GetAsync("/api/stories?from=last-week");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(bad)).GetProperty("detail").GetString().Should().Contain("YYYY-MM-DD");
    }

    [Fact]
    public async Task ClaimsFilterByStatusOriginsAndSpeaker()
    {
        var all = (await Get("/api/claims?limit=1000")).GetProperty("items").EnumerateArray().ToList();
        all.Should().NotBeEmpty();
        foreach (var status in all.Select(c => c.GetProperty("status").GetString()!).Distinct())
        {
            var filtered = (await Get("/api/claims?limit=1000&status=" + status)).GetProperty("items").EnumerateArray().ToList();
            filtered.Should().HaveCount(all.Count(c => c.GetProperty("status").GetString() == status));
        }
        var single = (await Get("/api/claims?limit=1000&origins=1")).GetProperty("items").EnumerateArray().ToList();
        single.Should().HaveCount(all.Count(c => c.GetProperty("independentOrigins").GetInt32() == 1));
        var several = (await Get("/api/claims?limit=1000&origins=2%2B")).GetProperty("items").EnumerateArray().ToList();
        several.Should().HaveCount(all.Count(c => c.GetProperty("independentOrigins").GetInt32() >= 2));

        var spoken = all.First(c => c.GetProperty("speakerText").ValueKind == JsonValueKind.String);
        var speaker = spoken.GetProperty("speakerText").GetString()!;
        var bySpeaker = (await Get("/api/claims?limit=1000&speaker=" + Uri.EscapeDataString(speaker))).GetProperty("items").EnumerateArray().ToList();
        bySpeaker.Should().Contain(c => c.GetProperty("id").GetString() == spoken.GetProperty("id").GetString());

        using var bad = await server.Client.GetAsync("/api/claims?status=rumoured");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var unknownStory = await server.Client.GetAsync("/api/claims?story=no-such-story");
        unknownStory.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnArticleComesWithEveryAnnotationAsOffsetsIntoItsText()
    {
        var story = (await Get("/api/stories")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var articleId = (await Get("/api/stories/" + story)).GetProperty("articles")[0].GetProperty("id").GetString()!;
        var article = await Get("/api/articles/" + Uri.EscapeDataString(articleId));
        var text = article.GetProperty("article").GetProperty("text").GetString()!;
        article.GetProperty("story").GetString().Should().Be(story);
        var annotations = article.GetProperty("annotations").EnumerateArray().ToList();
        annotations.Select(a => a.GetProperty("kind").GetString()).Should().Contain(k => k!.StartsWith("entity-")).And.Contain("claim");
        foreach (var annotation in annotations)
        {
            int start = annotation.GetProperty("start").GetInt32(), end = annotation.GetProperty("end").GetInt32();
            annotation.GetProperty("text").GetString().Should().Be(text[start..end]);
        }
    }

    [Fact]
    public async Task EntitiesAndEventsAreListedAndAnEntityNamesItsStories()
    {
        var entities = (await Get("/api/entities?limit=5")).GetProperty("items").EnumerateArray().ToList();
        entities.Should().NotBeEmpty();
        entities.Select(e => e.GetProperty("mentions").GetInt32()).Should().BeInDescendingOrder();
        var top = await Get("/api/entities/" + Uri.EscapeDataString(entities[0].GetProperty("id").GetString()!));
        top.GetProperty("entity").GetProperty("mentions").GetArrayLength().Should().Be(entities[0].GetProperty("mentions").GetInt32());
        top.GetProperty("stories").GetArrayLength().Should().BeGreaterThan(0);
        var places = (await Get("/api/entities?type=place")).GetProperty("items").EnumerateArray();
        places.Should().OnlyContain(e => e.GetProperty("type").GetString() == "place");
        (await Get("/api/events")).GetProperty("total").GetInt32().Should().BeGreaterThanOrEqualTo(0);
        using var missing = await server.Client.GetAsync("/api/entities/e-none");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SearchRanksWithBm25AndMarksTheMatchedWordsInTheSnippet()
    {
        var hits = (await Get("/api/search?q=zyxquorl")).EnumerateArray().ToList();
        hits.Should().ContainSingle().Which.GetProperty("articleId").GetString().Should().Be("hostile-report");
        var hit = hits[0];
        var snippet = hit.GetProperty("snippet").GetString()!;
        var match = hit.GetProperty("matches")[0];
        snippet[match[0].GetInt32()..match[1].GetInt32()].Should().BeEquivalentTo("Zyxquorl");

        // Operators and stray quotes are words to the search, never FTS5 syntax errors.
        using var odd = await server.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString("\"unclosed AND OR NEAR( * ) col:x"));
        odd.StatusCode.Should().Be(HttpStatusCode.OK);
        using var empty = await server.Client.GetAsync("/api/search?q=");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SearchPutsATitleMatchAboveAPassingMention()
    {
        var body = "Plovdrin";
        using (var inTitle = await server.Client.SendAsync(server.Post("/api/articles",
            JsonSerializer.Serialize(new { title = "Plovdrin harbour reopens", maintext = "The harbour reopened on Monday after repairs to the quay wall were finished by the port authority.", date_publish = "2025-03-10" }),
            "application/json", server.ApiKey)))
        {
            inTitle.StatusCode.Should().Be(HttpStatusCode.Created);
        }
        using (var inBody = await server.Client.SendAsync(server.Post("/api/articles",
            JsonSerializer.Serialize(new { title = "Regional roundup for the week", maintext = "Several towns held markets this week. Roadworks continue near the bypass. A ferry from " + body + " was delayed by fog, and the library extended its hours for the exam season across the district.", date_publish = "2025-03-11" }),
            "application/json", server.ApiKey)))
        {
            inBody.StatusCode.Should().Be(HttpStatusCode.Created);
        }
        List<JsonElement> hits = [];
        await WebServer.Eventually(async () =>
        {
            hits = (await Get("/api/search?q=plovdrin")).EnumerateArray().ToList();
            return hits.Count == 2;
        }, "both posted reports are searchable");
        hits[0].GetProperty("title").GetString().Should().StartWith("Plovdrin");
        hits[0].GetProperty("score").GetDouble().Should().BeGreaterThan(hits[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        var document = await Get("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/stories", "/api/stories/{id}", "/api/claims", "/api/entities", "/api/entities/{id}", "/api/events", "/api/articles/{id}", "/api/search", "/api/articles", "/api/feeds" })
        {
            paths.TryGetProperty(path, out _).Should().BeTrue(path);
        }
        paths.GetProperty("/api/articles").TryGetProperty("post", out var post).Should().BeTrue();
        post.GetProperty("responses").TryGetProperty("401", out _).Should().BeTrue();
        paths.GetProperty("/api/claims").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).Should().Contain(["status", "origins", "speaker", "story"]);
    }

    [Fact]
    public async Task APostedReportIsAnalysedStoredAndServedAndAPostedCopyIsRecognised()
    {
        var before = server.StoredCount();
        var text = "The harbourmaster of Quellport said on Friday that 14 fishing boats had been damaged in the storm. The coastguard confirmed that two crew members were rescued.";
        using var created = await server.Client.SendAsync(server.Post("/api/articles", text, "text/plain", server.ApiKey));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await Json(created)).GetProperty("stored")[0].GetString()!;
        created.Headers.Location!.ToString().Should().Be("/api/articles/" + id);
        server.StoredCount().Should().Be(before + 1);

        await WebServer.Eventually(async () =>
        {
            using var response = await server.Client.GetAsync("/api/articles/" + id);
            return response.StatusCode == HttpStatusCode.OK;
        }, "the posted report is in the served dossier");
        var article = await Get("/api/articles/" + id);
        article.GetProperty("article").GetProperty("text").GetString().Should().Contain("Quellport");
        article.GetProperty("annotations").EnumerateArray().Should().Contain(a => a.GetProperty("kind").GetString() == "quantity");

        using var again = await server.Client.SendAsync(server.Post("/api/articles", text, "text/plain", server.ApiKey));
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(again)).GetProperty("alreadyStored")[0].GetString().Should().Be(id);
        server.StoredCount().Should().Be(before + 1);
    }

    [Fact]
    public async Task ReportsStoredByAnotherProcessAppearWithinSeconds()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crosscheck-side-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "side-door.txt"), "The lighthouse keeper on Skarn Island said on Sunday that the lamp had failed twice in a week.");
            Crosscheck.Cli.CliApp.Run(["analyze", folder, "--db", server.DatabasePath, "--no-dossier", "--quiet", "--reference-date", WebServer.ReferenceDate], TextWriter.Null, TextWriter.Null)
                .Should().Be(Crosscheck.Cli.CliApp.ExitOk);
            await WebServer.Eventually(async () =>
            {
                using var response = await server.Client.GetAsync("/api/articles/side-door");
                return response.StatusCode == HttpStatusCode.OK;
            }, "a report stored by `crosscheck analyze` is served", seconds: 20);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AnHtmlPageCanBePosted()
    {
        var html = "<!doctype html><html><head><title>Vintner Street fire | Tallow Gazette</title><meta property=\"og:site_name\" content=\"Tallow Gazette\"></head>"
            + "<body><nav>Home | News</nav><article><h1>Vintner Street fire</h1><p>Firefighters in Tallow said on Sunday that a warehouse fire on Vintner Street was under control.</p>"
            + "<p>The fire service said nobody was hurt.</p></article></body></html>";
        using var created = await server.Client.SendAsync(server.Post("/api/articles?name=vintner", html, "text/html", server.ApiKey));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Json(created)).GetProperty("stored")[0].GetString().Should().Be("vintner");
    }

    [Fact]
    public async Task UnknownIdsAreClear404s()
    {
        foreach (var path in new[] { "/api/stories/s999", "/api/articles/none", "/api/entities/none" })
        {
            using var response = await server.Client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("detail").GetString().Should().Contain("There is no");
        }
        using var page = await server.Client.GetAsync("/stories/s999");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).Should().Contain("There is no story &#39;s999&#39;");
    }
}
