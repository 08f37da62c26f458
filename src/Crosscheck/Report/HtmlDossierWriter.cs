using System.Globalization;
using System.Text;
using Crosscheck.Places;

namespace Crosscheck.Report;

/// <summary>
/// Writes dossier.html: one self-contained page (inline CSS, a few lines of inline script for
/// the ledger's status filter) that loads nothing from anywhere. Per story: the brief, the
/// claims ledger, contradictions, timeline, events, entities, sources and every report's text
/// with the cited words highlighted; each citation links to its highlighted evidence.
/// </summary>
/// <remarks>
/// Every string from the dossier is escaped; ids from the dossier are never used as HTML ids
/// (elements get generated numeric ids); only absolute http/https URLs become links, and those
/// open with <c>rel="noopener noreferrer"</c>. A Content-Security-Policy meta element forbids all
/// loads, so even an escaping mistake could not fetch or run anything from outside. The page is
/// streamed to a <see cref="TextWriter"/>; cost is linear in the dossier size (plus sorting
/// each report's highlight boundaries).
/// </remarks>
public static class HtmlDossierWriter
{
    /// <summary>The Content-Security-Policy the page declares (tests and embedders may check it).</summary>
    public static string ContentSecurityPolicy => HtmlAssets.ContentSecurityPolicy;

    public static void Write(Dossier dossier, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(writer);
        new Renderer(new DossierView(dossier), writer).Render();
    }

    /// <summary>Writes UTF-8 (no byte-order mark); leaves the stream open.</summary>
    public static void Write(Dossier dossier, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Write(dossier, writer);
    }

    public static string Render(Dossier dossier)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(dossier, writer);
        return writer.ToString();
    }

    [Flags]
    private enum MarkKind { None = 0, Claim = 1, Event = 2, Contradiction = 4, Timeline = 8, Quantity = 16, Time = 32, Entity = 64 }

    /// <summary>One highlighted span of a report: the HTML id it gets and what cites it.</summary>
    private sealed class Highlight(int id, int start, int end)
    {
        public int Id { get; } = id;
        public int Start { get; } = start;
        public int End { get; } = end;
        public MarkKind Kinds { get; set; }
        public List<string> Labels { get; } = [];
    }

    private sealed class Renderer
    {
        private readonly DossierView _view;
        private readonly TextWriter _out;
        private readonly Dictionary<(string Article, int Start, int End), Highlight> _highlights = [];
        private readonly Dictionary<string, List<Highlight>> _highlightsByArticle = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _articleNumber = new(StringComparer.Ordinal);
        private readonly HashSet<string> _renderedReports = new(StringComparer.Ordinal);
        // Citation numbers are the sources' positions in the story being written.
        private Dictionary<string, int> _sourceNumberInStory = new(StringComparer.Ordinal);

        public Renderer(DossierView view, TextWriter output)
        {
            _view = view;
            _out = output;
            var n = 0;
            foreach (var article in DossierView.Safe(view.Dossier.Articles)) _articleNumber.TryAdd(article.Id, ++n);
            RegisterHighlights();
        }

        // Every span a line of the page cites is registered before anything is written, so a
        // citation can always link to the <mark> that the report text further down will carry.
        private void RegisterHighlights()
        {
            var dossier = _view.Dossier;
            foreach (var claim in DossierView.Safe(dossier.Claims))
            {
                foreach (var e in DossierView.Safe(claim.Evidence)) Register(e, MarkKind.Claim, $"claim ({claim.Status})");
            }
            foreach (var ev in DossierView.Safe(dossier.Events))
            {
                foreach (var e in DossierView.Safe(ev.Evidence)) Register(e, MarkKind.Event, $"event: {ev.Type}");
            }
            foreach (var c in DossierView.Safe(dossier.Contradictions))
            {
                foreach (var e in DossierView.Safe(c.Evidence)) Register(e, MarkKind.Contradiction, $"contradiction ({c.Kind})");
            }
            foreach (var t in DossierView.Safe(dossier.Timeline))
            {
                foreach (var e in DossierView.Safe(t.Evidence)) Register(e, MarkKind.Timeline, $"timeline: {t.DisplayDate}");
            }
            foreach (var q in DossierView.Safe(dossier.Quantities))
            {
                Register(new Evidence(q.Article, q.Start, q.End), MarkKind.Quantity, "number");
            }
            foreach (var t in DossierView.Safe(dossier.Times))
            {
                Register(new Evidence(t.Article, t.Start, t.End), MarkKind.Time, $"time {t.Value}");
            }
            // Only an entity's first mention in each report: enough for the entity table to link to.
            foreach (var entity in DossierView.Safe(dossier.Entities))
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var m in DossierView.Safe(entity.Mentions))
                {
                    if (seen.Add(m.Article)) Register(m, MarkKind.Entity, $"{entity.Type}: {entity.Name}");
                }
            }
        }

        private Highlight? Register(Evidence evidence, MarkKind kind, string label)
        {
            var key = (evidence.Article, evidence.Start, evidence.End);
            if (!_highlights.TryGetValue(key, out var highlight))
            {
                // A span that does not fit its report's text is never highlighted and never linked.
                if (_view.Quote(evidence) is null || evidence.End == evidence.Start) return null;
                highlight = new Highlight(_highlights.Count + 1, evidence.Start, evidence.End);
                _highlights[key] = highlight;
                if (!_highlightsByArticle.TryGetValue(evidence.Article, out var list))
                {
                    _highlightsByArticle[evidence.Article] = list = [];
                }
                list.Add(highlight);
            }
            highlight.Kinds |= kind;
            if (highlight.Labels.Count < 4 && !highlight.Labels.Contains(label)) highlight.Labels.Add(label);
            return highlight;
        }

        private Highlight? Find(Evidence evidence) =>
            _highlights.TryGetValue((evidence.Article, evidence.Start, evidence.End), out var h) ? h : null;

        public void Render()
        {
            var dossier = _view.Dossier;
            _out.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            _out.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"");
            HtmlText.Append(_out, HtmlAssets.ContentSecurityPolicy);
            _out.Write("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
            _out.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            _out.Write("<meta name=\"generator\" content=\"Crosscheck\">\n<title>");
            Text(_view.Stories.Count == 1 ? $"Dossier: {_view.Stories[0].Title}" : "Crosscheck dossier");
            _out.Write("</title>\n<style>");
            _out.Write(HtmlAssets.Css);
            _out.Write("</style>\n</head>\n<body>\n<header>\n<h1>Crosscheck dossier</h1>\n<p class=\"meta\">");
            var articleCount = DossierView.Safe(dossier.Articles).Length;
            Text(FormattableString.Invariant(
                $"{articleCount} report{(articleCount == 1 ? "" : "s")} in {_view.Stories.Count} stor{(_view.Stories.Count == 1 ? "y" : "ies")} · relative dates in undated reports read against {dossier.ReferenceDate:yyyy-MM-dd} · schema {dossier.SchemaVersion}"));
            _out.Write("</p>\n<p class=\"meta\">Superscript numbers are the story's sources; each links to the exact words in that report, highlighted below.</p>\n</header>\n");

            if (_view.Stories.Count > 0)
            {
                _out.Write("<nav class=\"toc\" aria-label=\"Stories\">\n<h3>Stories</h3>\n<ol>\n");
                foreach (var story in _view.Stories)
                {
                    _out.Write(FormattableString.Invariant($"<li><a href=\"#story-{story.Number}\">"));
                    Text(story.Title);
                    _out.Write("</a> <span class=\"meta\">");
                    Text($"{Plural(story.Articles.Count, "report")} · {Plural(story.Claims.Count, "claim")} · {Plural(story.Contradictions.Count, "contradiction")}");
                    _out.Write("</span></li>\n");
                }
                _out.Write("</ol>\n</nav>\n");
            }

            foreach (var story in _view.Stories) RenderStory(story);
            if (_view.Unassigned.Count > 0)
            {
                _sourceNumberInStory = NumberSources(_view.Unassigned);
                _out.Write("<section id=\"unassigned\">\n<h2>Reports not in any story</h2>\n");
                WriteSources(_view.Unassigned);
                WriteReports(_view.Unassigned, "unassigned");
                _out.Write("</section>\n");
            }
            WriteLooseEntities();
            _out.Write("<script>");
            _out.Write(HtmlAssets.Script);
            _out.Write("</script>\n</body>\n</html>\n");
            _out.Flush();
        }

        private static Dictionary<string, int> NumberSources(IReadOnlyList<DossierArticle> articles)
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < articles.Count; i++) numbers.TryAdd(articles[i].Id, i + 1);
            return numbers;
        }

        private void RenderStory(StoryView story)
        {
            _sourceNumberInStory = NumberSources(story.Articles);
            _out.Write(FormattableString.Invariant($"<section class=\"story\" id=\"story-{story.Number}\">\n<h2>"));
            Text(story.Title);
            _out.Write("</h2>\n");
            if (!string.IsNullOrWhiteSpace(story.Explanation))
            {
                _out.Write("<p class=\"explanation\">");
                Text(story.Explanation);
                _out.Write("</p>\n");
            }
            if (story.Claims.Count + story.Events.Count + story.Quantities.Count + story.Contradictions.Count + story.Timeline.Count == 0)
            {
                Empty("Nothing was extracted from these reports beyond their text, below.");
            }
            else
            {
                WriteBrief(story);
                WriteLedger(story);
                WriteContradictions(story);
                WriteTimeline(story);
                WriteEventsTable(story);
            }
            WriteEntities(story);
            _out.Write("<h3>Sources</h3>\n");
            WriteSources(story.Articles);
            WriteReports(story.Articles, FormattableString.Invariant($"s{story.Number}"));
            _out.Write("</section>\n");
        }

        private void WriteBrief(StoryView story)
        {
            _out.Write("<h3>Brief</h3>\n");
            _out.Write("<h4>What happened</h4>\n");
            if (story.Events.Count == 0)
            {
                Empty("No events were extracted.");
            }
            else
            {
                _out.Write("<ul class=\"brief\">\n");
                foreach (var ev in story.Events)
                {
                    _out.Write("<li>");
                    if (ev.Date is not null)
                    {
                        _out.Write("<strong>");
                        Text(ev.Date);
                        _out.Write("</strong> · ");
                    }
                    Text(EventSummary(ev));
                    Cite(DossierView.Safe(ev.Evidence));
                    _out.Write("</li>\n");
                }
                _out.Write("</ul>\n");
            }

            _out.Write("<h4>Who says what</h4>\n");
            if (story.Claims.Count == 0)
            {
                Empty("No attributed claims were found.");
            }
            else
            {
                _out.Write("<ul class=\"brief\">\n");
                foreach (var group in story.Claims.GroupBy(_view.OriginLabel, StringComparer.Ordinal))
                {
                    _out.Write("<li><strong>");
                    Text(group.Key);
                    _out.Write("</strong>\n<ul>\n");
                    foreach (var claim in group)
                    {
                        _out.Write("<li>");
                        Badge(claim.Status);
                        _out.Write(" “");
                        Text(claim.Content);
                        _out.Write("” <span class=\"meta\">");
                        Text(CorroborationText(claim));
                        _out.Write("</span>");
                        Cite(DossierView.Safe(claim.Evidence));
                        _out.Write("</li>\n");
                    }
                    _out.Write("</ul></li>\n");
                }
                _out.Write("</ul>\n");
            }

            _out.Write("<h4>Numbers</h4>\n");
            if (story.Quantities.Count == 0)
            {
                Empty("No figures were extracted.");
            }
            else
            {
                _out.Write("<ul class=\"brief\">\n");
                var groups = story.Quantities
                    .GroupBy(q => (q.Min, q.Max, q.Unit, q.Counted, q.Casualty))
                    .OrderBy(g => g.Key.Casualty is null ? 1 : 0)
                    .ThenBy(g => g.Key.Casualty ?? g.Key.Unit, StringComparer.Ordinal)
                    .ThenByDescending(g => g.Count());
                foreach (var group in groups)
                {
                    var (min, max, unit, counted, casualty) = group.Key;
                    _out.Write("<li>");
                    if (casualty is not null)
                    {
                        _out.Write("<strong>");
                        Text(DossierView.CasualtyLabel(casualty));
                        _out.Write(":</strong> ");
                    }
                    Text(DossierView.Figure(min, max, unit, counted));
                    Cite(group.Select(q => new Evidence(q.Article, q.Start, q.End)));
                    _out.Write("</li>\n");
                }
                _out.Write("</ul>\n");
            }

            var doubtful = story.Claims.Where(c => DossierView.IsDoubtful(c.Status)).ToList();
            _out.Write("<h4>Disputed or unverified</h4>\n");
            if (doubtful.Count == 0)
            {
                Empty("No claim is marked disputed, unverified, denied or alleged.");
                return;
            }
            _out.Write("<ul class=\"brief\">\n");
            foreach (var claim in doubtful)
            {
                ClaimItem(claim);
                _out.Write("\n");
            }
            _out.Write("</ul>\n");
        }

        private void WriteLedger(StoryView story)
        {
            _out.Write("<h3>Claims ledger</h3>\n");
            if (story.Claims.Count == 0)
            {
                Empty("No claims.");
                return;
            }
            var tableId = FormattableString.Invariant($"ledger-{story.Number}");
            // Shown by the script only: without it, every row stays visible and the control would do nothing.
            _out.Write("<p class=\"filter\" hidden><label>Show status: <select data-ledger=\"");
            _out.Write(tableId);
            _out.Write("\"><option value=\"\">all</option>");
            foreach (var status in story.Claims.Select(c => c.Status).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                _out.Write("<option value=\"");
                Text(status);
                _out.Write("\">");
                Text(status);
                _out.Write("</option>");
            }
            _out.Write("</select></label></p>\n");
            _out.Write("<table id=\"");
            _out.Write(tableId);
            _out.Write("\">\n<thead><tr><th>Speaker</th><th>Claim</th><th>Status</th><th>Corroboration</th><th>Reports carrying it</th></tr></thead>\n<tbody>\n");
            foreach (var claim in story.Claims.OrderBy(_view.OriginLabel, StringComparer.Ordinal))
            {
                _out.Write("<tr data-status=\"");
                Text(claim.Status);
                _out.Write("\"><td>");
                Text(_view.SpeakerLabel(claim));
                if (!string.IsNullOrWhiteSpace(claim.Cue))
                {
                    _out.Write(" <span class=\"meta\">(");
                    Text(claim.Cue);
                    _out.Write(")</span>");
                }
                _out.Write("</td><td>");
                Text(claim.Content);
                _out.Write(" <span class=\"meta\">");
                Text(DossierView.KindLabel(claim.Kind));
                _out.Write("</span></td><td>");
                Badge(claim.Status);
                if (claim.Stance is { } stance && stance != "affirms")
                {
                    _out.Write("<br><span class=\"meta\">speaker ");
                    Text(stance);
                    _out.Write("</span>");
                }
                _out.Write("</td><td>");
                Text(CorroborationText(claim));
                var origins = DossierView.Safe(claim.Origins);
                if (!origins.IsEmpty)
                {
                    _out.Write("<br><span class=\"meta\">origins: ");
                    Text(string.Join(", ", origins.Select(_view.EntityName)));
                    _out.Write("</span>");
                }
                var chain = DossierView.Safe(claim.Chain);
                if (chain.Length > 1)
                {
                    _out.Write("<br><span class=\"meta\">via: ");
                    Text(string.Join(" → ", chain));
                    _out.Write("</span>");
                }
                _out.Write("</td><td>");
                WriteCarriers(claim);
                _out.Write("</td></tr>\n");
            }
            _out.Write("</tbody>\n</table>\n");
        }

        // Each carrying report, linked to the claim's words in that report when they were located.
        private void WriteCarriers(DossierClaim claim)
        {
            var evidence = DossierView.Safe(claim.Evidence);
            var carriers = DossierView.Safe(claim.Articles);
            var reports = carriers.IsEmpty ? evidence.Select(e => e.Article).Distinct(StringComparer.Ordinal).ToList() : carriers.ToList();
            var first = true;
            foreach (var articleId in reports)
            {
                if (!first) _out.Write("<br>");
                first = false;
                var linked = evidence.Where(e => e.Article == articleId).Select(Find).OfType<Highlight>().FirstOrDefault();
                if (linked is not null)
                {
                    _out.Write(FormattableString.Invariant($"<a href=\"#ev-{linked.Id}\">"));
                    Text(_view.ArticleLabel(articleId));
                    _out.Write("</a>");
                }
                else
                {
                    Text(_view.ArticleLabel(articleId));
                }
            }
            if (first) _out.Write("—");
        }

        private void WriteContradictions(StoryView story)
        {
            _out.Write("<h3>Contradictions</h3>\n");
            if (story.Contradictions.Count == 0)
            {
                Empty("No contradictions were found between these reports.");
                return;
            }
            _out.Write("<ul class=\"brief\">\n");
            foreach (var contradiction in story.Contradictions)
            {
                _out.Write("<li><span class=\"badge\">");
                Text(contradiction.Kind);
                _out.Write("</span> ");
                Text(contradiction.Explanation);
                Cite(DossierView.Safe(contradiction.Evidence));
                var claims = DossierView.Safe(contradiction.Claims).Select(_view.Claim).OfType<DossierClaim>().ToList();
                if (claims.Count > 0)
                {
                    _out.Write("<ul>");
                    foreach (var claim in claims) ClaimItem(claim);
                    _out.Write("</ul>");
                }
                _out.Write("</li>\n");
            }
            _out.Write("</ul>\n");
        }

        /// <summary>One claim as a list item: status, the words, who stands behind it, citations.</summary>
        private void ClaimItem(DossierClaim claim)
        {
            _out.Write("<li>");
            Badge(claim.Status);
            _out.Write(" “");
            Text(claim.Content);
            _out.Write("” <span class=\"meta\">");
            Text(_view.OriginLabel(claim));
            _out.Write("</span>");
            Cite(DossierView.Safe(claim.Evidence));
            _out.Write("</li>");
        }

        private void WriteTimeline(StoryView story)
        {
            _out.Write("<h3>Timeline</h3>\n");
            if (story.Timeline.Count == 0)
            {
                Empty("No dated statements.");
                return;
            }
            _out.Write("<table>\n<thead><tr><th>When</th><th>What</th></tr></thead>\n<tbody>\n");
            foreach (var entry in story.Timeline)
            {
                _out.Write("<tr><td class=\"num\">");
                Text(entry.DisplayDate);
                _out.Write("</td><td>");
                Text(entry.Text);
                Cite(DossierView.Safe(entry.Evidence));
                _out.Write("</td></tr>\n");
            }
            _out.Write("</tbody>\n</table>\n");
        }

        private void WriteEventsTable(StoryView story)
        {
            _out.Write("<h3>Events</h3>\n");
            if (story.Events.Count == 0)
            {
                Empty("No events.");
                return;
            }
            _out.Write("<table>\n<thead><tr><th>Date</th><th>Type</th><th>Place</th><th>Actors</th><th>Killed</th><th>Wounded</th><th>Killed or wounded</th><th>Reports</th></tr></thead>\n<tbody>\n");
            foreach (var ev in story.Events)
            {
                _out.Write("<tr><td class=\"num\">");
                Text(ev.Date is null ? "—" : ev.EndDate is null ? ev.Date : $"{ev.Date} to {ev.EndDate}");
                _out.Write("</td><td>");
                Text(ev.Type);
                if (!string.IsNullOrWhiteSpace(ev.SubType))
                {
                    _out.Write("<br><span class=\"meta\">");
                    Text(ev.SubType);
                    _out.Write("</span>");
                }
                if (!string.IsNullOrWhiteSpace(ev.Note))
                {
                    _out.Write("<br><span class=\"meta\">");
                    Text(ev.Note);
                    _out.Write("</span>");
                }
                _out.Write("</td><td>");
                Text(ev.Place is null ? "—" : _view.Entity(ev.Place)?.Name ?? ev.Place);
                var near = DossierView.Safe(ev.Near);
                if (!near.IsEmpty)
                {
                    _out.Write("<br><span class=\"meta\">near ");
                    Text(string.Join(", ", near));
                    _out.Write("</span>");
                }
                _out.Write("</td><td>");
                var allies = DossierView.Safe(ev.AssociatedActors1);
                var side1 = ev.Actor1 is null ? "?" : allies.IsEmpty ? ev.Actor1 : $"{ev.Actor1} (with {string.Join(", ", allies)})";
                Text(ev.Actor1 is null && ev.Actor2 is null ? "—" : $"{side1}{(ev.Actor2 is null ? "" : " / " + ev.Actor2)}");
                _out.Write("</td>");
                NumberCell(ev.Fatalities);
                NumberCell(ev.Wounded);
                NumberCell(ev.KilledOrWounded);
                _out.Write("<td>");
                var articles = DossierView.Safe(ev.Articles);
                Text(articles.IsEmpty ? "—" : string.Join(", ", articles.Select(_view.ArticleLabel).Distinct(StringComparer.Ordinal)));
                Cite(DossierView.Safe(ev.Evidence));
                _out.Write("</td></tr>\n");
            }
            _out.Write("</tbody>\n</table>\n");
        }

        private void NumberCell(double? value)
        {
            _out.Write("<td class=\"num\">");
            Text(value is { } v ? DossierView.Range(v, v) : "—");
            _out.Write("</td>");
        }

        private static readonly string[] EntityOrder = ["person", "organization", "group", "militaryUnit", "place", "other"];

        private void WriteEntities(StoryView story)
        {
            _out.Write("<h3>Entities</h3>\n");
            var inStory = story.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var entities = DossierView.Safe(_view.Dossier.Entities)
                .Select(e => (Entity: e, Mentions: DossierView.Safe(e.Mentions).Count(m => inStory.Contains(m.Article))))
                .Where(x => x.Mentions > 0)
                .ToList();
            if (entities.Count == 0)
            {
                Empty("No entities.");
                return;
            }
            var markers = entities
                .Where(x => x.Entity.Type == "place" && x.Entity.Place is not null)
                .Select(x => new MapMarker(x.Entity.Place!.Lat, x.Entity.Place.Lon, x.Entity.Name, x.Entity.Place.Precision))
                .ToList();
            if (markers.Count > 0)
            {
                _out.Write("<figure class=\"map\">");
                _out.Write(LocatorMap.Render(markers, WorldOutlines.Default, $"Places named in {story.Title}"));
                _out.Write("<figcaption>Filled dots: places found in the gazetteer. Dashed rings: known only to their region or country. Outlines: Natural Earth (public domain) via world-atlas.</figcaption></figure>\n");
            }
            WriteEntityTable(entities, inStory);
        }

        private void WriteLooseEntities()
        {
            var loose = DossierView.Safe(_view.Dossier.Entities)
                .Where(e => DossierView.Safe(e.Mentions).IsEmpty)
                .Select(e => (Entity: e, Mentions: 0))
                .ToList();
            if (loose.Count == 0) return;
            _out.Write("<section id=\"other-entities\">\n<h2>Entities not tied to a report</h2>\n");
            WriteEntityTable(loose, null);
            _out.Write("</section>\n");
        }

        private void WriteEntityTable(List<(DossierEntity Entity, int Mentions)> entities, HashSet<string>? inStory)
        {
            var groups = entities
                .GroupBy(x => x.Entity.Type, StringComparer.Ordinal)
                .OrderBy(g => Array.IndexOf(EntityOrder, g.Key) is var i && i >= 0 ? i : EntityOrder.Length)
                .ThenBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var isPlace = group.Any(x => x.Entity.Place is not null);
                _out.Write("<h4>");
                Text(EntityHeading(group.Key));
                _out.Write("</h4>\n<table>\n<thead><tr><th>Name</th><th>Also written</th><th>Mentions</th>");
                if (isPlace) _out.Write("<th>Coordinates</th><th>Precision</th><th>Country / region</th><th>GeoNames</th>");
                _out.Write("</tr></thead>\n<tbody>\n");
                foreach (var (entity, mentions) in group.OrderByDescending(x => x.Mentions).ThenBy(x => x.Entity.Name, StringComparer.Ordinal))
                {
                    _out.Write("<tr><td>");
                    var first = DossierView.Safe(entity.Mentions).FirstOrDefault(m => inStory is null || inStory.Contains(m.Article));
                    Text(entity.Name);
                    _out.Write("</td><td>");
                    var aliases = DossierView.Safe(entity.Aliases);
                    Text(aliases.IsEmpty ? "—" : string.Join("; ", aliases));
                    _out.Write("</td><td class=\"num\">");
                    Text(mentions.ToString(CultureInfo.InvariantCulture));
                    if (first is not null) Cite([first]);
                    _out.Write("</td>");
                    if (isPlace)
                    {
                        if (entity.Place is { } p)
                        {
                            _out.Write("<td class=\"num\">");
                            Text(FormattableString.Invariant($"{p.Lat:0.0000}, {p.Lon:0.0000}"));
                            _out.Write("</td><td>");
                            Text(p.Precision);
                            _out.Write("</td><td>");
                            Text(string.Join(" / ", new[] { p.Country, p.Admin1 }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } where ? where : "—");
                            _out.Write("</td><td class=\"num\">");
                            Text(p.GeonamesId?.ToString(CultureInfo.InvariantCulture) ?? "—");
                            _out.Write("</td>");
                        }
                        else
                        {
                            _out.Write("<td>—</td><td>—</td><td>—</td><td>—</td>");
                        }
                    }
                    _out.Write("</tr>\n");
                }
                _out.Write("</tbody>\n</table>\n");
            }
        }

        private static string EntityHeading(string type) => type switch
        {
            "person" => "People",
            "organization" => "Organisations",
            "group" => "Groups",
            "militaryUnit" => "Military units",
            "place" => "Places",
            "other" => "Other",
            _ => type,
        };

        private void WriteSources(IReadOnlyList<DossierArticle> articles)
        {
            _out.Write("<dl class=\"sources\">\n");
            foreach (var article in articles)
            {
                var number = _sourceNumberInStory.GetValueOrDefault(article.Id);
                _out.Write("<dt>");
                Text(FormattableString.Invariant($"[{number}] "));
                Text(DossierView.ArticleLabel(article));
                _out.Write(FormattableString.Invariant($" <a class=\"meta backlink\" href=\"#report-{_articleNumber[article.Id]}\">text</a></dt>\n"));
                if (!string.IsNullOrWhiteSpace(article.Title))
                {
                    _out.Write("<dd>“");
                    Text(article.Title);
                    _out.Write("”</dd>\n");
                }
                _out.Write("<dd class=\"meta\">");
                Text(DossierView.Published(article));
                Text(FormattableString.Invariant($" · language {article.Language}{(article.LanguageConfidence > 0 ? $" ({article.LanguageConfidence:0.00})" : "")}"));
                if (!string.IsNullOrWhiteSpace(article.Byline)) Text(" · by " + article.Byline);
                if (!string.IsNullOrWhiteSpace(article.Dateline)) Text($" · dateline “{article.Dateline}”");
                var relays = DossierView.Safe(article.Relays);
                Text(" · relays: " + (relays.IsEmpty ? "none named" : string.Join(", ", relays)));
                Text(" · id " + article.Id);
                _out.Write("</dd>\n");
                if (!string.IsNullOrWhiteSpace(article.Url))
                {
                    _out.Write("<dd class=\"url meta\">");
                    var href = HtmlText.SafeHref(article.Url);
                    if (href is not null)
                    {
                        _out.Write("<a rel=\"noopener noreferrer nofollow\" href=\"");
                        HtmlText.Append(_out, href);
                        _out.Write("\">");
                        Text(article.Url);
                        _out.Write("</a>");
                    }
                    else
                    {
                        Text(article.Url);
                    }
                    _out.Write("</dd>\n");
                }
                var removed = DossierView.Safe(article.Removed);
                if (!removed.IsEmpty)
                {
                    _out.Write("<dd><details><summary>");
                    Text(FormattableString.Invariant($"{removed.Length} piece{(removed.Length == 1 ? "" : "s")} of page debris removed"));
                    _out.Write("</summary><ul class=\"removed\">");
                    foreach (var piece in removed)
                    {
                        _out.Write("<li><q>");
                        Text(piece.Text);
                        _out.Write("</q> — ");
                        Text(piece.Reason);
                        _out.Write("</li>");
                    }
                    _out.Write("</ul></details></dd>\n");
                }
            }
            _out.Write("</dl>\n");
        }

        private void WriteReports(IReadOnlyList<DossierArticle> articles, string scope)
        {
            _out.Write("<h3>Reports</h3>\n");
            foreach (var article in articles)
            {
                var number = _articleNumber[article.Id];
                // A report listed by two stories is printed once: ids and highlights stay unique.
                if (!_renderedReports.Add(article.Id))
                {
                    _out.Write(FormattableString.Invariant($"<p class=\"meta\"><a href=\"#report-{number}\">"));
                    Text($"[{_sourceNumberInStory.GetValueOrDefault(article.Id)}] {DossierView.ArticleLabel(article)}");
                    _out.Write("</a>: text shown with an earlier story.</p>\n");
                    continue;
                }
                _out.Write(FormattableString.Invariant($"<article class=\"report\" id=\"report-{number}\" data-scope=\"{scope}\">\n<h4>"));
                Text(FormattableString.Invariant($"[{_sourceNumberInStory.GetValueOrDefault(article.Id)}] "));
                Text(DossierView.ArticleLabel(article));
                if (!string.IsNullOrWhiteSpace(article.Title) && article.Title != article.Outlet)
                {
                    Text(" — " + article.Title);
                }
                _out.Write("</h4>\n<div class=\"report-text\">");
                WriteHighlightedText(article);
                _out.Write("</div>\n</article>\n");
            }
        }

        // Highlights may overlap (a number inside a claim inside an event sentence): the text is
        // cut at every highlight boundary, and each piece is one <mark> whose classes are the
        // union of the highlights covering it. A highlight's id goes on the piece where it starts.
        private void WriteHighlightedText(DossierArticle article)
        {
            var text = article.Text ?? "";
            if (!_highlightsByArticle.TryGetValue(article.Id, out var highlights) || highlights.Count == 0)
            {
                HtmlText.Append(_out, text);
                return;
            }
            var boundaries = new List<(int Position, bool IsStart, Highlight Highlight)>(highlights.Count * 2);
            foreach (var h in highlights)
            {
                boundaries.Add((h.Start, true, h));
                boundaries.Add((h.End, false, h));
            }
            // Ends before starts at the same offset, so adjacent highlights do not merge.
            boundaries.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.IsStart.CompareTo(b.IsStart));
            var counts = new int[7];
            var position = 0;
            var i = 0;
            var startingHere = new List<Highlight>();
            while (i < boundaries.Count)
            {
                var at = boundaries[i].Position;
                WritePiece(text, position, at, counts, startingHere);
                startingHere.Clear();
                position = at;
                for (; i < boundaries.Count && boundaries[i].Position == at; i++)
                {
                    var (_, isStart, h) = boundaries[i];
                    for (var bit = 0; bit < counts.Length; bit++)
                    {
                        if (((int)h.Kinds & (1 << bit)) != 0) counts[bit] += isStart ? 1 : -1;
                    }
                    if (isStart) startingHere.Add(h);
                }
            }
            WritePiece(text, position, text.Length, counts, startingHere);
        }

        private void WritePiece(string text, int start, int end, int[] counts, List<Highlight> startingHere)
        {
            if (end <= start) return;
            var piece = text.AsSpan(start, end - start);
            var classes = MarkClasses(counts);
            if (classes.Length == 0)
            {
                HtmlText.Append(_out, piece);
                return;
            }
            // Extra highlights starting here get empty anchors, so every citation has a target.
            for (var k = 1; k < startingHere.Count; k++)
            {
                _out.Write(FormattableString.Invariant($"<span class=\"anchor\" id=\"ev-{startingHere[k].Id}\"></span>"));
            }
            _out.Write("<mark class=\"");
            _out.Write(classes);
            _out.Write('"');
            if (startingHere.Count > 0)
            {
                _out.Write(FormattableString.Invariant($" id=\"ev-{startingHere[0].Id}\" title=\""));
                Text(string.Join("; ", startingHere.SelectMany(h => h.Labels).Distinct(StringComparer.Ordinal)));
                _out.Write('"');
            }
            _out.Write('>');
            HtmlText.Append(_out, piece);
            _out.Write("</mark>");
        }

        private static string MarkClasses(int[] counts)
        {
            var sb = new StringBuilder();
            string[] names = ["claim", "event", "contradiction", "timeline", "quantity", "time", "entity"];
            for (var bit = 0; bit < counts.Length; bit++)
            {
                if (counts[bit] <= 0) continue;
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(names[bit]);
            }
            return sb.ToString();
        }

        private void Cite(IEnumerable<Evidence> evidence)
        {
            var seen = new HashSet<int>();
            foreach (var e in evidence)
            {
                var highlight = Find(e);
                var number = _sourceNumberInStory.GetValueOrDefault(e.Article);
                var label = number > 0 ? number.ToString(CultureInfo.InvariantCulture) : "?";
                if (highlight is null)
                {
                    _out.Write("<sup class=\"cite\" title=\"the cited offsets do not fit this report's text\">[");
                    Text(label);
                    _out.Write("?]</sup>");
                    continue;
                }
                if (!seen.Add(highlight.Id)) continue;
                _out.Write(FormattableString.Invariant($"<a class=\"cite\" href=\"#ev-{highlight.Id}\" title=\""));
                Text($"{_view.ArticleLabel(e.Article)}: “{_view.Quote(e)}”");
                _out.Write("\">[");
                Text(label);
                _out.Write("]</a>");
            }
        }

        private void Badge(string status)
        {
            _out.Write("<span class=\"badge s-");
            _out.Write(CssToken(status));
            _out.Write("\">");
            Text(status);
            _out.Write("</span>");
        }

        // Only letters survive into a class name; anything else a hostile status holds is dropped.
        private static string CssToken(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')) sb.Append(c);
            }
            return sb.ToString();
        }

        private string CorroborationText(DossierClaim claim)
        {
            var count = FormattableString.Invariant($"{claim.IndependentOrigins} independent origin{(claim.IndependentOrigins == 1 ? "" : "s")}");
            return string.IsNullOrWhiteSpace(claim.Corroboration) ? count : $"{claim.Corroboration} ({count})";
        }

        private string EventSummary(DossierEvent ev)
        {
            var sb = new StringBuilder(ev.Type);
            if (!string.IsNullOrWhiteSpace(ev.SubType)) sb.Append(" (").Append(ev.SubType).Append(')');
            if (ev.Place is not null) sb.Append(" in ").Append(_view.Entity(ev.Place)?.Name ?? ev.Place);
            if (ev.Actor1 is not null || ev.Actor2 is not null)
            {
                sb.Append(" · ").Append(ev.Actor1 ?? "?");
                if (ev.Actor2 is not null) sb.Append(" against ").Append(ev.Actor2);
            }
            var toll = new List<string>(3);
            if (ev.Fatalities is { } f) toll.Add(DossierView.Range(f, f) + " killed");
            if (ev.Wounded is { } w) toll.Add(DossierView.Range(w, w) + " wounded");
            if (ev.KilledOrWounded is { } kw) toll.Add(DossierView.Range(kw, kw) + " killed or wounded");
            if (toll.Count > 0) sb.Append(" · ").Append(string.Join(", ", toll));
            if (!string.IsNullOrWhiteSpace(ev.Note)) sb.Append(" · ").Append(ev.Note);
            return sb.ToString();
        }

        private static string Plural(int count, string noun) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

        private void Empty(string message)
        {
            _out.Write("<p class=\"empty\">");
            Text(message);
            _out.Write("</p>\n");
        }

        private void Text(string? text) => HtmlText.Append(_out, text);
    }
}
