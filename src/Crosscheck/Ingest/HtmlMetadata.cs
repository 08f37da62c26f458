using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Crosscheck.Ingest;

/// <summary>
/// Title, byline, publication date, outlet and URL of an HTML page, from (in order of trust)
/// Open Graph / article meta tags, JSON-LD, microdata and visible elements.
/// </summary>
internal sealed record HtmlMetadata(string? Title, string? Byline, DateOnly? Published, string? PublishedSource, string? Outlet, string? Url)
{
    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
        "publish-date", "publication_date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
    ];

    public static HtmlMetadata Read(IHtmlDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            string? key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
            string? content = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(content)) meta.TryAdd(key.Trim(), content.Trim());
        }
        var linkedData = LinkedData.Read(document);

        string? url = Attribute(document, "link[rel~=canonical]", "href") ?? Get(meta, "og:url") ?? linkedData.Url;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _)) url = null;

        string? outlet = Get(meta, "og:site_name") ?? linkedData.Publisher ?? Get(meta, "application-name");
        if (outlet is null && url is not null) outlet = DomainOf(url);

        string? title = Get(meta, "og:title") ?? Get(meta, "twitter:title") ?? linkedData.Headline
            ?? Visible(document.QuerySelector("h1")) ?? StripSiteName(Visible(document.QuerySelector("title")), outlet);

        string? byline = AuthorFromMeta(Get(meta, "author")) ?? AuthorFromMeta(Get(meta, "article:author")) ?? linkedData.Author
            ?? StripBy(Visible(document.QuerySelector("[rel~=author], [itemprop=author], .byline, .author")));

        DateOnly? published = null;
        string? source = null;
        foreach (var name in DateMetaNames)
        {
            if (Get(meta, name) is { } value && DateValues.Parse(value) is { } date)
            {
                (published, source) = (date, $"meta {name}");
                break;
            }
        }
        if (published is null && DateValues.Parse(linkedData.DatePublished) is { } ldDate)
            (published, source) = (ldDate, "JSON-LD datePublished");
        if (published is null)
        {
            foreach (var time in document.QuerySelectorAll("time[datetime]"))
            {
                if (DateValues.Parse(time.GetAttribute("datetime")) is { } timeDate)
                {
                    (published, source) = (timeDate, "<time datetime>");
                    break;
                }
            }
        }
        return new HtmlMetadata(title, byline, published, source, outlet, url);
    }

    public static string? DomainOf(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)) return null;
        string host = uri.Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }

    private static string? Get(Dictionary<string, string> meta, string key) => meta.TryGetValue(key, out var v) ? v : null;

    private static string? Attribute(IHtmlDocument document, string selector, string attribute)
    {
        var value = document.QuerySelector(selector)?.GetAttribute(attribute);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string? Visible(IElement? element)
    {
        if (element is null) return null;
        var text = HtmlBodyExtractor.FlatText(element);
        return text.Length is > 0 and <= 300 ? text : null;
    }

    private static string? AuthorFromMeta(string? value) =>
        value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : StripBy(value);

    private static string? StripBy(string? byline)
    {
        if (byline is null) return null;
        var s = byline.Trim();
        if (s.StartsWith("By ", StringComparison.OrdinalIgnoreCase)) s = s[3..].Trim();
        return s.Length is > 0 and <= 200 ? s : null;
    }

    /// <summary>"Headline | Outlet" or "Headline - Outlet" in &lt;title&gt;: keep the headline.</summary>
    private static string? StripSiteName(string? title, string? outlet)
    {
        if (title is null) return null;
        foreach (var separator in (string[])[" | ", " - ", " – ", " — "])
        {
            int at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            string tail = title[(at + separator.Length)..];
            if (outlet is null || tail.Contains(outlet, StringComparison.OrdinalIgnoreCase) || outlet.Contains(tail, StringComparison.OrdinalIgnoreCase))
                return title[..at].Trim();
        }
        return title;
    }

    /// <summary>The first NewsArticle-like object in the page's JSON-LD scripts (also inside @graph).</summary>
    private sealed record LinkedData(string? Headline, string? DatePublished, string? Author, string? Publisher, string? Url)
    {
        private static readonly LinkedData None = new(null, null, null, null, null);

        public static LinkedData Read(IHtmlDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    if (Find(json.RootElement) is { } found) return found;
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common on real pages; the other metadata sources still apply.
                }
            }
            return None;
        }

        private static LinkedData? Find(JsonElement root)
        {
            var pending = new Stack<JsonElement>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var element = pending.Pop();
                if (element.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in element.EnumerateArray()) pending.Push(item);
                    continue;
                }
                if (element.ValueKind != JsonValueKind.Object) continue;
                if (element.TryGetProperty("@graph", out var graph)) pending.Push(graph);
                if (!element.TryGetProperty("datePublished", out _) && !element.TryGetProperty("headline", out _)) continue;
                return new LinkedData(
                    String(element, "headline"),
                    String(element, "datePublished"),
                    Name(element, "author"),
                    Name(element, "publisher"),
                    String(element, "url"));
            }
            return null;
        }

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

        private static string? Name(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            if (v.ValueKind == JsonValueKind.Object) return String(v, "name");
            if (v.ValueKind != JsonValueKind.Array) return null;
            var names = new List<string>();
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && String(item, "name") is { } n) names.Add(n);
                else if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s) names.Add(s);
            }
            return names.Count > 0 ? string.Join(", ", names) : null;
        }
    }
}
