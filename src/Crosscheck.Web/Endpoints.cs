using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Crosscheck.Report;
using Crosscheck.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crosscheck.Web;

/// <summary>The routes: the JSON API under /api, the pages, the two assets, the OpenAPI document.</summary>
internal static class Endpoints
{
    private const int MaxPage = 1000;

    public static void Map(WebApplication app)
    {
        app.MapOpenApi();
        app.MapGet("/healthz", (DossierCache cache) => Results.Ok(new { status = "ok", articles = cache.Current.Dossier.Articles.Length })).ExcludeFromDescription();
        MapAssets(app);
        app.MapGet("/favicon.ico", () => Results.Redirect("/assets/icon.svg", permanent: true)).ExcludeFromDescription();
        MapApi(app.MapGroup("/api").WithTags("api"));
        MapPages(app);
    }

    private static void MapApi(RouteGroupBuilder api)
    {
        api.MapGet("/stories", (DossierCache cache, string? from, string? to, string? place, string? entity, int? limit, int? offset) =>
        {
            var filter = new StoryFilter(from, to, place, entity);
            if (filter.Problem is { } problem) return Problems.Result(400, "Bad filter", problem);
            var stories = Queries.Stories(cache.Current, filter).ToList();
            return Results.Ok(new Paged<StorySummary>(stories.Count, Page(stories, limit, offset)));
        }).WithSummary("Stories, the one most reports tell first; filter by publication window, place or entity (id or name).")
          .Produces<Paged<StorySummary>>().Produces<Problem>(400);

        api.MapGet("/stories/{id}", (DossierCache cache, string id) =>
        {
            var snapshot = cache.Current;
            return snapshot.Story(id) is { } story
                ? Results.Ok(StoryDossier(snapshot, story))
                : Problems.Result(404, "No such story", $"There is no story '{id}'. GET /api/stories lists them.");
        }).WithSummary("A story's dossier: its reports, claims, events, contradictions, timeline and entities.")
          .Produces<StoryDossierResponse>().Produces<Problem>(404);

        api.MapGet("/claims", (DossierCache cache, string? story, string? status, string? origins, string? speaker, int? limit, int? offset) =>
        {
            var filter = new ClaimFilter(status, origins, speaker, story);
            if (filter.Problem is { } problem) return Problems.Result(400, "Bad filter", problem);
            var snapshot = cache.Current;
            if (story is not null && snapshot.Story(story) is null) return Problems.Result(404, "No such story", $"There is no story '{story}'.");
            var claims = (story is not null ? snapshot.Story(story)!.Claims : (IEnumerable<DossierClaim>)snapshot.Dossier.Claims)
                .Where(c => filter.Matches(c, snapshot.View)).ToList();
            return Results.Ok(new Paged<DossierClaim>(claims.Count, Page(claims, limit, offset)));
        }).WithSummary("Claims; filter by story, status, independent origins (\"1\", \"2+\") and speaker (entity id or name).")
          .Produces<Paged<DossierClaim>>().Produces<Problem>(400).Produces<Problem>(404);

        api.MapGet("/entities", (DossierCache cache, string? type, string? q, int? limit, int? offset) =>
        {
            var entities = DossierView.Safe(cache.Current.Dossier.Entities)
                .Where(e => string.IsNullOrEmpty(type) || e.Type == type)
                .Where(e => string.IsNullOrWhiteSpace(q) || Queries.Contains(e.Name, q.Trim()) || DossierView.Safe(e.Aliases).Any(a => Queries.Contains(a, q.Trim())))
                .OrderByDescending(e => DossierView.Safe(e.Mentions).Length)
                .Select(e => new EntitySummary(e.Id, e.Type, e.Name, DossierView.Safe(e.Aliases), DossierView.Safe(e.Mentions).Length, e.Place))
                .ToList();
            return Results.Ok(new Paged<EntitySummary>(entities.Count, Page(entities, limit, offset)));
        }).WithSummary("People, organisations, groups and places merged across reports, most mentioned first; filter by type and name.")
          .Produces<Paged<EntitySummary>>();

        api.MapGet("/entities/{id}", (DossierCache cache, string id) =>
        {
            var snapshot = cache.Current;
            return snapshot.View.Entity(id) is { } entity
                ? Results.Ok(new EntityResponse(entity, snapshot.StoriesOfEntity(id), Queries.ClaimsOf(snapshot, id).Select(c => c.Id).ToList()))
                : Problems.Result(404, "No such entity", $"There is no entity '{id}'.");
        }).WithSummary("One entity with every mention, the stories it appears in and the claims it is the source of.")
          .Produces<EntityResponse>().Produces<Problem>(404);

        api.MapGet("/events", (DossierCache cache, string? story, string? type, int? limit, int? offset) =>
        {
            var events = DossierView.Safe(cache.Current.Dossier.Events)
                .Where(e => (story is null || e.Story == story) && (type is null || e.Type == type)).ToList();
            return Results.Ok(new Paged<DossierEvent>(events.Count, Page(events, limit, offset)));
        }).WithSummary("ACLED-style events; filter by story and type.").Produces<Paged<DossierEvent>>();

        api.MapGet("/articles/{id}", (DossierCache cache, string id) =>
        {
            var snapshot = cache.Current;
            if (snapshot.View.Article(id) is not { } article) return Problems.Result(404, "No such report", $"There is no report '{id}' in the dossier (a report just posted appears after the next refresh, within seconds).");
            var annotations = snapshot.Annotations(id)
                .Select(a => new AnnotationResponse(a.Start, a.End, a.Kind, a.Label, DossierView.Slice(article.Text, a.Start, a.End))).ToList();
            return Results.Ok(new ArticleResponse(article, snapshot.StoryOfArticle(id), annotations));
        }).WithSummary("One report: its cleaned text and every evidence span (entities, times, quantities, claims, events) as offsets into it.")
          .Produces<ArticleResponse>().Produces<Problem>(404);

        api.MapGet("/search", (DossierCache cache, ISearchIndex search, string? q, string? lang, int? limit, int? offset) =>
        {
            if (string.IsNullOrWhiteSpace(q)) return Problems.Result(400, "Empty query", "Give the words to look for: /api/search?q=words.");
            if (lang is not null && !IsLanguageCode(lang)) return Problems.Result(400, "Bad language", "lang is a two-letter ISO 639-1 code such as en or de.");
            var hits = cache.Current.Search(search, q, lang, Math.Clamp(limit ?? 20, 1, 200), Math.Max(0, offset ?? 0)).Select(SearchResult.From).ToList();
            return Results.Ok(hits);
        }).WithSummary("Full-text search with a snippet (title hits weigh more); matches are offsets into the snippet. lang=en narrows to reports in that language "
            + "(on PostgreSQL also with its stemming: 'flooding' finds 'floods'). SQLite: FTS5 with BM25; PostgreSQL: its own full-text search.")
          .Produces<List<SearchResult>>().Produces<Problem>(400);

        api.MapPost("/articles", PostArticle)
            .WithSummary("Adds reports: a JSON object or array with news-please fields (title, maintext or text, date_publish, source_domain, url, id), plain text, or an HTML page. Needs an API key.")
            .Accepts<PostedArticle>("application/json", "text/plain", "text/html")
            .Produces<PostResponse>(201).Produces<PostResponse>(200).Produces<Problem>(400).Produces<Problem>(401).Produces<Problem>(413).Produces<Problem>(415);

        api.MapGet("/feeds", (IServerTables tables) => Results.Ok(new FeedsResponse(tables.Feeds(), tables.FailedItems())))
            .WithSummary("Feed subscriptions with their polling state, and the items that failed with their reasons.").Produces<FeedsResponse>();
    }

    private static bool IsLanguageCode(string value) => value.Length == 2 && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]);

    private static async Task<IResult> PostArticle(HttpContext context, ArticleIntake intake, DossierCache cache, WebOptions options, string? name)
    {
        if (!ApiKeys.Authorised(context))
        {
            return Problems.Result(401, "API key required", "Adding reports needs an API key: create one with `crosscheck keys add NAME` and send it as X-Api-Key or Authorization: Bearer.");
        }
        var extension = ArticleIntake.ExtensionFor(context.Request.ContentType);
        if (extension is null)
        {
            return Problems.Result(415, "Unsupported content type", $"Send application/json, text/plain or text/html, not '{context.Request.ContentType ?? "(none)"}'.");
        }
        var body = await ReadBody(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return Problems.Result(413, "Request body too large", $"The request body is larger than the {options.MaxRequestBodyBytes:N0} bytes this server accepts.");
        }
        if (body.Length == 0) return Problems.Result(400, "Empty body", "The request has no report in its body.");
        var result = await intake.AddAsync(body, extension, name, context.RequestAborted);
        if (result.Rejected) return Problems.Result(400, "Report not accepted", string.Join(" ", result.Problems));
        // Assembling the dossier can take seconds on a large store; the answer does not wait for it.
        _ = Task.Run(() => cache.RefreshAsync());
        var response = new PostResponse(result.Stored, result.AlreadyStored, result.Problems);
        if (result.Stored.Count > 0) context.Response.Headers.Location = "/api/articles/" + Uri.EscapeDataString(result.Stored[0]);
        return result.Stored.Count > 0
            ? Results.Json(response, statusCode: 201)
            : Results.Ok(response);
    }

    /// <summary>The body, or null when it is over the limit (checked against Content-Length first, then while reading).</summary>
    private static async Task<byte[]?> ReadBody(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", (DossierCache cache, string? from, string? to, string? place, string? entity) =>
        {
            var filter = new StoryFilter(from, to, place, entity);
            if (filter.Problem is { } problem) return Html(Pages.Error("Bad filter", problem), 400);
            return Html(Pages.StoryList(cache.Current, filter));
        }).ExcludeFromDescription();

        app.MapGet("/stories/{id}", (DossierCache cache, string id, string? status, string? origins, string? speaker, int? page) =>
        {
            var snapshot = cache.Current;
            if (snapshot.Story(id) is not { } story) return Html(Pages.NotFound($"There is no story '{id}'."), 404);
            var filter = new ClaimFilter(NullIfEmpty(status), NullIfEmpty(origins), NullIfEmpty(speaker));
            if (filter.Problem is { } problem) return Html(Pages.Error("Bad filter", problem), 400);
            return Html(snapshot.StoryPage(story, filter, Math.Max(1, page ?? 1)));
        }).ExcludeFromDescription();

        app.MapGet("/entities/{id}", (DossierCache cache, string id) =>
        {
            var snapshot = cache.Current;
            return snapshot.View.Entity(id) is { } entity ? Html(Pages.Entity(snapshot, entity)) : Html(Pages.NotFound($"There is no entity '{id}'."), 404);
        }).ExcludeFromDescription();

        app.MapGet("/articles/{id}", (DossierCache cache, string id, string? hl) =>
        {
            var snapshot = cache.Current;
            if (snapshot.View.Article(id) is not { } article) return Html(Pages.NotFound($"There is no report '{id}'."), 404);
            return Html(Pages.Article(snapshot, article, ParseSpan(hl)));
        }).ExcludeFromDescription();

        app.MapGet("/search", (DossierCache cache, ISearchIndex search, string? q) =>
            Html(Pages.Search(cache.Current, q, string.IsNullOrWhiteSpace(q) ? [] : cache.Current.Search(search, q, null, 50, 0)))).ExcludeFromDescription();

        app.MapGet("/feeds", (IServerTables tables) => Html(Pages.Feeds(tables.Feeds(), tables.FailedItems()))).ExcludeFromDescription();
    }

    private static void MapAssets(WebApplication app)
    {
        foreach (var (name, type) in new[] { ("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"), ("icon.svg", "image/svg+xml") })
        {
            var bytes = Asset(name);
            app.MapGet("/assets/" + name, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=300";
                return Results.Bytes(bytes, type);
            }).ExcludeFromDescription();
        }
    }

    private static byte[] Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Crosscheck.Web.Assets." + name)
            ?? throw new InvalidOperationException($"The asset '{name}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static (int, int)? ParseSpan(string? value)
    {
        if (value is null) return null;
        var dash = value.IndexOf('-');
        return dash > 0
            && int.TryParse(value.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(value.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            ? (start, end) : null;
    }

    private static List<T> Page<T>(List<T> items, int? limit, int? offset)
    {
        var skip = Math.Max(0, offset ?? 0);
        var take = Math.Clamp(limit ?? 100, 1, MaxPage);
        return items.Skip(skip).Take(take).ToList();
    }

    private static StoryDossierResponse StoryDossier(DossierSnapshot snapshot, StoryView story)
    {
        var summary = snapshot.Summary(story.Id)!;
        var entities = summary.Entities.Select(snapshot.View.Entity).Where(e => e is not null)
            .Select(e => new EntitySummary(e!.Id, e.Type, e.Name, DossierView.Safe(e.Aliases), DossierView.Safe(e.Mentions).Length, e.Place)).ToList();
        return new StoryDossierResponse(summary, story.Articles, story.Claims, story.Events, story.Contradictions, story.Timeline, entities);
    }
}

public sealed record Paged<T>(int Total, IReadOnlyList<T> Items);

public sealed record StoryDossierResponse(StorySummary Story, IReadOnlyList<DossierArticle> Articles, IReadOnlyList<DossierClaim> Claims,
    IReadOnlyList<DossierEvent> Events, IReadOnlyList<DossierContradiction> Contradictions, IReadOnlyList<DossierTimelineEntry> Timeline,
    IReadOnlyList<EntitySummary> Entities);

public sealed record EntitySummary(string Id, string Type, string Name, ImmutableArray<string> Aliases, int Mentions, DossierPlace? Place);

public sealed record EntityResponse(DossierEntity Entity, IReadOnlyList<string> Stories, IReadOnlyList<string> Claims);

public sealed record AnnotationResponse(int Start, int End, string Kind, string Label, string? Text);

public sealed record ArticleResponse(DossierArticle Article, string? Story, IReadOnlyList<AnnotationResponse> Annotations);

public sealed record PostResponse(IReadOnlyList<string> Stored, IReadOnlyList<string> AlreadyStored, IReadOnlyList<string> Problems);

public sealed record FeedsResponse(IReadOnlyList<FeedState> Feeds, IReadOnlyList<FeedItemState> FailedItems);

/// <summary>The JSON a client posts (news-please fields); any of them may be missing except the text.</summary>
public sealed record PostedArticle(string? Id, string? Title, string? Maintext, string? Text, string? DatePublish, string? SourceDomain, string? Url);

/// <param name="Matches">Where the matched words are in <paramref name="Snippet"/>: [start, end) character offsets.</param>
public sealed record SearchResult(string ArticleId, string Title, string Snippet, IReadOnlyList<int[]> Matches, double Score)
{
    internal static SearchResult From(SearchHit hit)
    {
        var text = new System.Text.StringBuilder(hit.Snippet.Length);
        var matches = new List<int[]>();
        var open = -1;
        foreach (var c in hit.Snippet)
        {
            if (c == SqliteSearchIndex.HitStart) open = text.Length;
            else if (c == SqliteSearchIndex.HitEnd)
            {
                if (open >= 0) matches.Add([open, text.Length]);
                open = -1;
            }
            else text.Append(c);
        }
        return new SearchResult(hit.ArticleId, hit.Title, text.ToString(), matches, Math.Round(hit.Score, 4));
    }
}
