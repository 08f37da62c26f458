using System.Globalization;
using Crosscheck.Places;
using Crosscheck.Report;
using Crosscheck.Store;

namespace Crosscheck.Web;

/// <summary>The web UI: plain server-rendered pages over the current dossier snapshot.</summary>
internal static class Pages
{
    public static string StoryList(DossierSnapshot snapshot, StoryFilter filter)
    {
        var stories = Queries.Stories(snapshot, filter).ToList();
        var page = new HtmlPage("Stories");
        page.Raw("<h1>Stories</h1><p class=\"meta\">").Number(snapshot.Dossier.Articles.Length).Raw(" reports in ")
            .Number(snapshot.Summaries.Count).Raw(" stories. The story most reports tell comes first.</p>");
        page.Raw("<form class=\"filters\" method=\"get\" action=\"/\">");
        FilterInput(page, "from", "From (YYYY-MM-DD)", filter.From);
        FilterInput(page, "to", "To (YYYY-MM-DD)", filter.To);
        FilterInput(page, "place", "Place", filter.Place);
        FilterInput(page, "entity", "Person or organisation", filter.Entity);
        page.Raw("<button type=\"submit\">Filter</button></form>");
        page.Raw("<table class=\"stories\" id=\"stories\"><thead><tr><th>Story</th><th>Reports</th><th>Claims</th><th>Contradictions</th><th>Dates</th><th>Places</th></tr></thead><tbody>");
        foreach (var story in stories.Take(500))
        {
            page.Raw("<tr><td>").Link(HtmlPage.Path("/stories/", story.Id), story.Title, "story-link").Raw("</td><td>").Number(story.ArticleCount)
                .Raw("</td><td>").Number(story.ClaimCount).Raw("</td><td>").Number(story.ContradictionCount).Raw("</td><td>")
                .Text(DateRange(story)).Raw("</td><td>").Text(string.Join(", ", story.Places.Take(4))).Raw("</td></tr>");
        }
        page.Raw("</tbody></table>");
        if (stories.Count == 0) page.Raw("<p class=\"empty\">No story matches. Add reports with <code>crosscheck analyze</code>, <code>POST /api/articles</code> or <code>crosscheck watch</code>.</p>");
        else if (stories.Count > 500) page.Raw("<p class=\"meta\">The first 500 of ").Number(stories.Count).Raw(" stories; narrow the filter to see others.</p>");
        var unassigned = snapshot.View.Unassigned;
        if (unassigned.Count > 0)
        {
            page.Raw("<h2>Reports in no story</h2><ul>");
            foreach (var article in unassigned.Take(100)) page.Raw("<li>").Link(HtmlPage.Path("/articles/", article.Id), DossierView.ArticleLabel(article) + " — " + (article.Title ?? article.Id)).Raw("</li>");
            page.Raw("</ul>");
        }
        return page.Finish();
    }

    public static string Story(DossierSnapshot snapshot, StoryView story, ClaimFilter filter, int ledgerPage = 1)
    {
        var view = snapshot.View;
        var summary = snapshot.Summary(story.Id)!;
        var page = new HtmlPage(story.Title);
        page.Element("h1", story.Title).Raw("<p class=\"meta\">").Number(story.Articles.Count).Raw(" reports · ").Number(story.Claims.Count).Raw(" claims · ")
            .Number(story.Contradictions.Count).Raw(" contradictions · ").Text(DateRange(summary)).Raw("</p>");
        if (!string.IsNullOrWhiteSpace(story.Explanation)) page.Element("p", story.Explanation, "explanation");

        var citations = new CitationList();
        page.Raw("<section id=\"brief\"><h2>In brief</h2><ul class=\"brief\">");
        var leading = story.Claims.OrderByDescending(c => c.IndependentOrigins).ThenByDescending(c => DossierView.Safe(c.Articles).Length).Take(8).ToList();
        foreach (var claim in leading)
        {
            page.Raw("<li>").Element("strong", view.SpeakerLabel(claim)).Raw(" ").Element("span", claim.Status, "badge status-" + claim.Status).Raw(" ")
                .Text("“" + claim.Content + "” ").Raw("<span class=\"meta\">").Text(claim.Corroboration).Raw("</span>");
            foreach (var evidence in DossierView.Safe(claim.Evidence).Take(4))
            {
                var number = citations.Cite(evidence);
                page.Raw(" <a class=\"cite\" href=\"").Text(HtmlPage.EvidenceHref(evidence)).Raw("\" title=\"").Text(view.ArticleLabel(evidence.Article)).Raw("\">[")
                    .Number(number).Raw("]</a>");
            }
            page.Raw("</li>");
        }
        foreach (var contradiction in story.Contradictions.Take(3)) page.Raw("<li class=\"warn\">").Text(contradiction.Explanation).Raw("</li>");
        if (leading.Count == 0 && story.Contradictions.Count == 0) page.Raw("<li>No attributed claim was found in these reports.</li>");
        page.Raw("</ul>");
        if (citations.Items.Count > 0)
        {
            page.Raw("<ol class=\"citations\">");
            foreach (var evidence in citations.Items)
            {
                page.Raw("<li><a href=\"").Text(HtmlPage.EvidenceHref(evidence)).Raw("\">").Text(view.ArticleLabel(evidence.Article)).Raw("</a>: “")
                    .Text(view.Quote(evidence) ?? "(span outside the text)").Raw("”</li>");
            }
            page.Raw("</ol>");
        }
        page.Raw("</section>");

        ClaimsLedger(page, view, story, filter, ledgerPage);

        page.Raw("<section id=\"contradictions\"><h2>Contradictions</h2>");
        if (story.Contradictions.Count == 0) page.Raw("<p class=\"empty\">None found.</p>");
        else
        {
            page.Raw("<ul>");
            foreach (var contradiction in story.Contradictions.Take(SectionLimit))
            {
                page.Raw("<li>").Element("span", contradiction.Kind, "badge").Raw(" ").Text(contradiction.Explanation);
                EvidenceLinks(page, view, DossierView.Safe(contradiction.Evidence));
                page.Raw("</li>");
            }
            page.Raw("</ul>");
            MoreInApi(page, story.Contradictions.Count, $"GET /api/stories/{story.Id}");
        }
        page.Raw("</section><section id=\"timeline\"><h2>Timeline</h2>");
        if (story.Timeline.Count == 0) page.Raw("<p class=\"empty\">No dated statement.</p>");
        else
        {
            page.Raw("<ol class=\"timeline\">");
            foreach (var entry in story.Timeline.Take(SectionLimit))
            {
                page.Raw("<li><time>").Text(entry.DisplayDate).Raw("</time> ").Text(entry.Text);
                EvidenceLinks(page, view, DossierView.Safe(entry.Evidence));
                page.Raw("</li>");
            }
            page.Raw("</ol>");
            MoreInApi(page, story.Timeline.Count, $"GET /api/stories/{story.Id}");
        }
        page.Raw("</section>");
        if (story.Events.Count > 0)
        {
            page.Raw("<section id=\"events\"><h2>Events</h2><table><thead><tr><th>Date</th><th>Type</th><th>Place</th><th>Actors</th><th>Fatalities</th><th>Evidence</th></tr></thead><tbody>");
            foreach (var ev in story.Events.Take(SectionLimit))
            {
                page.Raw("<tr><td>").Text(ev.Date).Raw("</td><td>").Text(ev.Type + (ev.SubType is null ? "" : " / " + ev.SubType)).Raw("</td><td>")
                    .Text(ev.Place is null ? null : view.EntityName(ev.Place)).Raw("</td><td>")
                    .Text(string.Join(" · ", new[] { ev.Actor1, ev.Actor2 }.Where(a => a is not null).Select(a => view.EntityName(a!)))).Raw("</td><td>")
                    .Text(ev.Fatalities?.ToString("#,0", CultureInfo.InvariantCulture)).Raw("</td><td>");
                EvidenceLinks(page, view, DossierView.Safe(ev.Evidence));
                page.Raw("</td></tr>");
            }
            page.Raw("</tbody></table>");
            MoreInApi(page, story.Events.Count, $"GET /api/events?story={story.Id}");
            page.Raw("</section>");
        }
        var markers = summary.Entities.Select(view.Entity)
            .Where(e => e is { Type: "place", Place: not null })
            .Select(e => new MapMarker(e!.Place!.Lat, e.Place.Lon, e.Name, e.Place.Precision))
            .ToList();
        if (markers.Count > 0)
        {
            page.Raw("<section id=\"map\"><h2>Map</h2><figure class=\"map\">").Raw(LocatorMap.Render(markers, WorldOutlines.Default, "Places named in " + story.Title))
                .Raw("<figcaption>Dots: places found in the gazetteer. Dashed rings: known only to their region or country. Outlines: Natural Earth.</figcaption></figure></section>");
        }
        var entities = summary.Entities.Select(view.Entity).Where(e => e is not null).Select(e => e!)
            .OrderByDescending(e => DossierView.Safe(e.Mentions).Count(m => snapshot.StoryOfArticle(m.Article) == story.Id)).Take(40).ToList();
        if (entities.Count > 0)
        {
            page.Raw("<section id=\"entities\"><h2>People, organisations and places</h2><ul class=\"entities\">");
            foreach (var entity in entities)
            {
                page.Raw("<li>").Link(HtmlPage.Path("/entities/", entity.Id), entity.Name, "entity-link").Raw(" <span class=\"meta\">").Text(entity.Type).Raw("</span></li>");
            }
            page.Raw("</ul></section>");
        }
        page.Raw("<section id=\"sources\"><h2>Sources</h2><table><thead><tr><th>Outlet</th><th>Report</th><th>Published</th><th>Dateline</th><th>Relays</th><th>Copy of</th><th>Family</th></tr></thead><tbody>");
        foreach (var article in story.Articles)
        {
            page.Raw("<tr><td>").Text(article.Outlet ?? "—").Raw("</td><td>").Link(HtmlPage.Path("/articles/", article.Id), article.Title ?? article.Id)
                .Raw("</td><td>").Text(DossierView.Published(article)).Raw("</td><td>").Text(article.Dateline).Raw("</td><td>")
                .Text(DossierView.Safe(article.Relays).IsEmpty ? "—" : string.Join(" → ", article.Relays)).Raw("</td><td>");
            // A copy, rewrite or translation names the report it repeats, so five outlets running one dispatch read as one source.
            if (article.CopyOf is { } original && article.CopyStatus is { } status && status != "original")
            {
                page.Text(status).Raw(" of ").Link(HtmlPage.Path("/articles/", original), view.Article(original)?.Outlet ?? original);
            }
            else
            {
                page.Text("—");
            }
            page.Raw("</td><td>").Text(article.Family ?? "—").Raw("</td></tr>");
        }
        page.Raw("</tbody></table></section>");
        return page.Finish();
    }

    /// <summary>Claims rendered on one page of the ledger; a bigger story pages on the server.</summary>
    public const int LedgerPageSize = 200;

    /// <summary>Evidence quotes shown under one claim; a wire claim carried by hundreds of reports lists the rest as a count.</summary>
    private const int EvidencePerClaim = 12;

    private static void ClaimsLedger(HtmlPage page, DossierView view, StoryView story, ClaimFilter filter, int pageNumber)
    {
        var shown = story.Claims.Where(c => filter.Matches(c, view)).ToList();
        // A small ledger is sent whole and filtered in the browser; a big one is filtered and paged here.
        var whole = story.Claims.Count <= LedgerPageSize;
        var pages = Math.Max(1, (shown.Count + LedgerPageSize - 1) / LedgerPageSize);
        pageNumber = Math.Clamp(pageNumber, 1, pages);
        page.Raw("<section id=\"claims\"><h2>Claims ledger</h2>");
        page.Raw("<form class=\"filters\" id=\"claim-filter\" method=\"get\" action=\"#claims\" data-filter=\"").Raw(whole ? "browser" : "server")
            .Raw("\"><label>Status <select name=\"status\"><option value=\"\">any</option>");
        foreach (var status in new[] { "asserted", "claimed", "alleged", "denied", "confirmed", "unverified", "disputed" })
        {
            page.Raw("<option").Raw(status == filter.Status ? " selected" : "").Raw(">").Text(status).Raw("</option>");
        }
        page.Raw("</select></label><label>Origins <select name=\"origins\">");
        foreach (var (value, label) in new[] { ("", "any"), ("0", "no known origin"), ("1", "single origin"), ("2+", "2 or more independent") })
        {
            page.Raw("<option value=\"").Text(value).Raw("\"").Raw(value == (filter.OriginsText ?? "") ? " selected" : "").Raw(">").Text(label).Raw("</option>");
        }
        page.Raw("</select></label>");
        FilterInput(page, "speaker", "Speaker", filter.Speaker);
        page.Raw("<button type=\"submit\">Filter</button> <span class=\"meta\" id=\"claim-count\">").Number(shown.Count).Raw(" of ").Number(story.Claims.Count).Raw(" claims</span>");
        if (!whole) page.Raw(" <span class=\"meta\">page ").Number(pageNumber).Raw(" of ").Number(pages).Raw("</span>");
        page.Raw("</form>");
        page.Raw("<table class=\"claims\"><thead><tr><th>Speaker</th><th>Status</th><th>Claim</th><th>Independent origins</th><th>Reports</th></tr></thead><tbody>");
        var rows = whole ? story.Claims : shown.Skip((pageNumber - 1) * LedgerPageSize).Take(LedgerPageSize).ToList();
        foreach (var claim in rows)
        {
            var visible = !whole || filter.Matches(claim, view);
            page.Raw("<tr class=\"claim\" id=\"").Text(claim.Id).Raw("\" data-status=\"").Text(claim.Status).Raw("\" data-origins=\"").Number(claim.IndependentOrigins)
                .Raw("\" data-speaker=\"").Text(view.SpeakerLabel(claim).ToLowerInvariant()).Raw("\"").Raw(visible ? "" : " hidden").Raw("><td>");
            if (claim.Speaker is not null && view.Entity(claim.Speaker) is not null) page.Link(HtmlPage.Path("/entities/", claim.Speaker), view.SpeakerLabel(claim));
            else page.Text(view.SpeakerLabel(claim));
            page.Raw("</td><td>").Element("span", claim.Status, "badge status-" + claim.Status).Raw("</td><td><details><summary>").Text(claim.Content).Raw("</summary>");
            if (!string.IsNullOrWhiteSpace(claim.Note)) page.Element("p", claim.Note, "note");
            page.Raw("<ul class=\"evidence\">");
            var evidence = DossierView.Safe(claim.Evidence);
            foreach (var item in evidence.Take(EvidencePerClaim))
            {
                page.Raw("<li><a class=\"evidence-link\" href=\"").Text(HtmlPage.EvidenceHref(item)).Raw("\">").Text(view.ArticleLabel(item.Article)).Raw("</a>: <q>")
                    .Text(view.Quote(item) ?? "(span outside the text)").Raw("</q></li>");
            }
            if (evidence.Length > EvidencePerClaim) page.Raw("<li class=\"meta\">and ").Number(evidence.Length - EvidencePerClaim).Raw(" more reports (GET /api/claims?story=…)</li>");
            page.Raw("</ul></details></td><td>").Number(claim.IndependentOrigins).Raw(" <span class=\"meta\">").Text(claim.Corroboration).Raw("</span></td><td>")
                .Number(DossierView.Safe(claim.Articles).Length).Raw("</td></tr>");
        }
        page.Raw("</tbody></table>");
        if (!whole && pages > 1)
        {
            page.Raw("<nav class=\"pager\">");
            string Href(int number) => "?" + string.Join("&", new[] { ("status", filter.Status), ("origins", filter.OriginsText), ("speaker", filter.Speaker), ("page", number.ToString(CultureInfo.InvariantCulture)) }
                .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!))) + "#claims";
            if (pageNumber > 1) page.Link(Href(pageNumber - 1), "← previous claims", "pager-previous").Raw(" ");
            if (pageNumber < pages) page.Link(Href(pageNumber + 1), "next claims →", "pager-next");
            page.Raw("</nav>");
        }
        page.Raw("</section>");
    }

    public static string Entity(DossierSnapshot snapshot, DossierEntity entity)
    {
        var view = snapshot.View;
        var page = new HtmlPage(entity.Name);
        page.Element("h1", entity.Name).Raw("<p class=\"meta\">").Text(entity.Type);
        if (!DossierView.Safe(entity.Aliases).IsEmpty) page.Raw(" · also written ").Text(string.Join(", ", entity.Aliases));
        if (entity.Place is { } place)
        {
            page.Raw(" · ").Text(string.Create(CultureInfo.InvariantCulture, $"{place.Lat:0.####}, {place.Lon:0.####}")).Raw(" (").Text(place.Precision)
                .Raw(place.Country is null ? "" : ", ").Text(place.Country).Raw(")");
        }
        page.Raw("</p><h2>Stories</h2><ul>");
        foreach (var storyId in snapshot.StoriesOfEntity(entity.Id))
        {
            if (snapshot.Summary(storyId) is { } story) page.Raw("<li>").Link(HtmlPage.Path("/stories/", story.Id), story.Title).Raw("</li>");
        }
        page.Raw("</ul><h2>Claims by this source</h2><ul>");
        var claims = Queries.ClaimsOf(snapshot, entity.Id).Take(200).ToList();
        foreach (var claim in claims)
        {
            page.Raw("<li>").Element("span", claim.Status, "badge status-" + claim.Status).Raw(" ")
                .Link(HtmlPage.Path("/stories/", claim.Story) + "#" + Uri.EscapeDataString(claim.Id), "“" + claim.Content + "”").Raw("</li>");
        }
        if (claims.Count == 0) page.Raw("<li class=\"empty\">None.</li>");
        var mentions = DossierView.Safe(entity.Mentions);
        page.Raw("</ul><h2>Mentions</h2><p class=\"meta\">").Number(mentions.Length).Raw(" in all reports").Raw(mentions.Length > 100 ? "; the first 100:" : ":").Raw("</p><ul id=\"mentions\">");
        foreach (var mention in mentions.Take(100))
        {
            page.Raw("<li><a href=\"").Text(HtmlPage.EvidenceHref(mention)).Raw("\">").Text(view.ArticleLabel(mention.Article)).Raw("</a>: <q>")
                .Text(view.Quote(mention) ?? "").Raw("</q></li>");
        }
        page.Raw("</ul>");
        return page.Finish();
    }

    public static string Article(DossierSnapshot snapshot, DossierArticle article, (int Start, int End)? focus)
    {
        var page = new HtmlPage(article.Title ?? article.Id);
        page.Element("h1", article.Title ?? article.Id).Raw("<p class=\"meta\">").Text(article.Outlet ?? "outlet unknown").Raw(" · ")
            .Text(DossierView.Published(article));
        if (!string.IsNullOrWhiteSpace(article.Dateline)) page.Raw(" · dateline ").Text(article.Dateline);
        if (!DossierView.Safe(article.Relays).IsEmpty) page.Raw(" · relays ").Text(string.Join(" → ", article.Relays));
        page.Raw(" · language ").Text(article.Language);
        if (article.Url is not null) page.Raw(" · ").ExternalLink(article.Url, "original");
        page.Raw("</p>");
        if (snapshot.StoryOfArticle(article.Id) is { } storyId && snapshot.Summary(storyId) is { } story)
        {
            page.Raw("<p>Story: ").Link(HtmlPage.Path("/stories/", story.Id), story.Title).Raw("</p>");
        }
        page.Raw("<p class=\"legend\"><span class=\"ann k-entity-person\">person</span> <span class=\"ann k-entity-organization\">organisation</span> ")
            .Raw("<span class=\"ann k-entity-place\">place</span> <span class=\"ann k-time\">time</span> <span class=\"ann k-quantity\">quantity</span> ")
            .Raw("<span class=\"ann k-claim\">claim</span> <span class=\"ann k-event\">event</span></p>");
        page.Raw("<div class=\"article-text\">");
        AnnotatedText(page, article.Text, snapshot.Annotations(article.Id), focus);
        page.Raw("</div>");
        var removed = DossierView.Safe(article.Removed);
        if (!removed.IsEmpty)
        {
            page.Raw("<details class=\"removed\"><summary>").Number(removed.Length).Raw(" pieces of page debris removed</summary><ul>");
            foreach (var piece in removed) page.Raw("<li>").Element("span", piece.Reason, "badge").Raw(" ").Text(piece.Text).Raw("</li>");
            page.Raw("</ul></details>");
        }
        return page.Finish();
    }

    /// <summary>
    /// The text cut at every annotation boundary; each piece carries the kinds of all spans that
    /// cover it, so overlapping annotations (a name inside a claim) all show without nesting.
    /// </summary>
    private static void AnnotatedText(HtmlPage page, string text, IReadOnlyList<Annotation> annotations, (int Start, int End)? focus)
    {
        var spans = annotations.Where(a => a.Start >= 0 && a.End <= text.Length && a.Start < a.End).ToList();
        var focusSpan = focus is { } f && f.Start >= 0 && f.End <= text.Length && f.Start < f.End ? f : ((int, int)?)null;
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var span in spans)
        {
            cuts.Add(span.Start);
            cuts.Add(span.End);
        }
        if (focusSpan is { } fs)
        {
            cuts.Add(fs.Item1);
            cuts.Add(fs.Item2);
        }
        var bounds = cuts.ToArray();
        var focusOpened = false;
        // A sweep over the cuts: spans enter in order of start and leave once passed, so a report
        // with many thousands of annotations costs the pieces times the spans open at once.
        var byStart = spans.OrderBy(s => s.Start).ToList();
        var next = 0;
        var open = new List<Annotation>();
        for (var i = 0; i + 1 < bounds.Length; i++)
        {
            int start = bounds[i], end = bounds[i + 1];
            while (next < byStart.Count && byStart[next].Start <= start) open.Add(byStart[next++]);
            open.RemoveAll(s => s.End <= start);
            var inFocus = focusSpan is { } fsp && start >= fsp.Item1 && end <= fsp.Item2;
            if (inFocus)
            {
                page.Raw(focusOpened ? "<mark class=\"focus\">" : "<mark class=\"focus\" id=\"hl\">");
                focusOpened = true;
            }
            var covering = open;
            if (covering.Count == 0) page.Text(text.AsSpan(start, end - start));
            else
            {
                var link = covering.FirstOrDefault(c => c.Link is not null && c.Kind.StartsWith("entity", StringComparison.Ordinal))?.Link;
                page.Raw(link is null ? "<span class=\"ann" : "<a class=\"ann");
                foreach (var kind in covering.Select(c => c.Kind).Distinct()) page.Raw(" k-").Text(kind);
                page.Raw("\" title=\"").Text(string.Join("; ", covering.Select(c => c.Label).Distinct())).Raw("\"");
                if (link is not null) page.Raw(" href=\"").Text(link).Raw("\"");
                page.Raw(">").Text(text.AsSpan(start, end - start)).Raw(link is null ? "</span>" : "</a>");
            }
            if (inFocus) page.Raw("</mark>");
        }
    }

    public static string Search(DossierSnapshot snapshot, string? query, IReadOnlyList<SearchHit> hits)
    {
        var page = new HtmlPage(string.IsNullOrWhiteSpace(query) ? "Search" : "Search: " + query, query);
        page.Raw("<h1>Search</h1><form class=\"filters\" method=\"get\" action=\"/search\"><label>Words <input type=\"search\" name=\"q\" id=\"search-q\" value=\"")
            .Text(query).Raw("\"></label><button type=\"submit\">Search</button></form>");
        page.Raw("<p class=\"meta\">All words must occur; \"quoted words\" as a phrase; a trailing * matches any ending.</p>");
        if (!string.IsNullOrWhiteSpace(query))
        {
            page.Raw("<ol class=\"results\" id=\"results\">");
            foreach (var hit in hits)
            {
                var article = snapshot.View.Article(hit.ArticleId);
                page.Raw("<li>").Link(HtmlPage.Path("/articles/", hit.ArticleId), string.IsNullOrWhiteSpace(hit.Title) ? hit.ArticleId : hit.Title, "result-link")
                    .Raw(" <span class=\"meta\">").Text(article is null ? "" : DossierView.ArticleLabel(article) + " · " + (article.Published ?? "date unknown")).Raw("</span><p class=\"snippet\">");
                Snippet(page, hit.Snippet);
                page.Raw("</p></li>");
            }
            page.Raw("</ol>");
            if (hits.Count == 0) page.Raw("<p class=\"empty\">No report contains these words.</p>");
        }
        return page.Finish();
    }

    /// <summary>The snippet escaped as a whole, with only the index's own hit markers turned into marks.</summary>
    private static void Snippet(HtmlPage page, string snippet)
    {
        var open = false;
        var start = 0;
        for (var i = 0; i < snippet.Length; i++)
        {
            if (snippet[i] is not (SqliteSearchIndex.HitStart or SqliteSearchIndex.HitEnd)) continue;
            page.Text(snippet.AsSpan(start, i - start));
            if (snippet[i] == SqliteSearchIndex.HitStart && !open)
            {
                page.Raw("<mark>");
                open = true;
            }
            else if (snippet[i] == SqliteSearchIndex.HitEnd && open)
            {
                page.Raw("</mark>");
                open = false;
            }
            start = i + 1;
        }
        page.Text(snippet.AsSpan(start));
        if (open) page.Raw("</mark>");
    }

    public static string Feeds(IReadOnlyList<FeedState> feeds, IReadOnlyList<FeedItemState> failed)
    {
        var page = new HtmlPage("Feeds");
        page.Raw("<h1>Feeds</h1><p class=\"meta\">Subscriptions polled by <code>crosscheck watch</code>, with the reason of every failure.</p>");
        page.Raw("<table><thead><tr><th>Feed</th><th>Last polled</th><th>Failures in a row</th><th>Next poll</th><th>Last error</th></tr></thead><tbody>");
        foreach (var feed in feeds)
        {
            page.Raw("<tr><td>").Text(feed.Url).Raw("</td><td>").Text(feed.LastPolled?.ToString("u", CultureInfo.InvariantCulture)).Raw("</td><td>").Number(feed.Failures)
                .Raw("</td><td>").Text(feed.NextPoll?.ToString("u", CultureInfo.InvariantCulture)).Raw("</td><td>").Text(feed.LastError ?? "—").Raw("</td></tr>");
        }
        page.Raw("</tbody></table>");
        if (feeds.Count == 0) page.Raw("<p class=\"empty\">No feed yet: <code>crosscheck watch URL</code> subscribes to one.</p>");
        page.Raw("<h2>Items that failed</h2><ul>");
        foreach (var item in failed) page.Raw("<li>").Text(item.Title ?? item.Url ?? item.ItemKey).Raw(" <span class=\"meta\">").Text(item.FeedUrl).Raw("</span>: ").Text(item.Error).Raw("</li>");
        if (failed.Count == 0) page.Raw("<li class=\"empty\">None.</li>");
        page.Raw("</ul>");
        return page.Finish();
    }

    public static string NotFound(string what)
    {
        var page = new HtmlPage("Not found");
        page.Raw("<h1>Not found</h1>").Element("p", what).Raw("<p><a href=\"/\">All stories</a></p>");
        return page.Finish();
    }

    public static string Error(string title, string message)
    {
        var page = new HtmlPage(title);
        page.Element("h1", title).Element("p", message);
        return page.Finish();
    }

    /// <summary>Entries shown per section of a story page; the API has them all.</summary>
    private const int SectionLimit = 300;

    private static void MoreInApi(HtmlPage page, int count, string api)
    {
        if (count > SectionLimit) page.Raw("<p class=\"meta\">The first ").Number(SectionLimit).Raw(" of ").Number(count).Raw("; all of them: <code>").Text(api).Raw("</code></p>");
    }

    private static void FilterInput(HtmlPage page, string name, string label, string? value) =>
        page.Raw("<label>").Text(label).Raw(" <input type=\"text\" name=\"").Text(name).Raw("\" value=\"").Text(value).Raw("\"></label>");

    private static void EvidenceLinks(HtmlPage page, DossierView view, IEnumerable<Evidence> evidence)
    {
        foreach (var item in evidence.Take(6))
        {
            page.Raw(" <a class=\"cite\" href=\"").Text(HtmlPage.EvidenceHref(item)).Raw("\">").Text(view.ArticleLabel(item.Article)).Raw("</a>");
        }
    }

    private static string DateRange(StorySummary story) =>
        story.FirstPublished is null ? "dates unknown"
        : story.FirstPublished == story.LastPublished ? story.FirstPublished
        : story.FirstPublished + " – " + story.LastPublished;
}
