using System.Collections.Immutable;
using System.Globalization;

namespace Crosscheck.Report;

/// <summary>
/// Read-only lookups over a <see cref="Dossier"/> shared by the Markdown and HTML writers: what
/// belongs to which story, names for ids, and the exact quoted words behind an evidence span.
/// Tolerates a malformed dossier (dangling ids, offsets out of range, default arrays): writers
/// print what they can and never throw on content.
/// </summary>
internal sealed class DossierView
{
    private readonly Dictionary<string, DossierArticle> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DossierEntity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DossierClaim> _claims = new(StringComparer.Ordinal);

    public DossierView(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        Dossier = dossier;
        foreach (var article in Safe(dossier.Articles)) _articles.TryAdd(article.Id, article);
        foreach (var entity in Safe(dossier.Entities)) _entities.TryAdd(entity.Id, entity);
        foreach (var claim in Safe(dossier.Claims)) _claims.TryAdd(claim.Id, claim);

        var inStory = new HashSet<string>(StringComparer.Ordinal);
        var stories = new List<StoryView>();
        var byStory = new Dictionary<string, StoryView>(StringComparer.Ordinal);
        // The biggest story first: a desk opens the dossier for the story most reports tell.
        var ordered = Safe(dossier.Stories).Select((story, index) => (story, index))
            .OrderByDescending(s => Safe(s.story.Articles).Count()).ThenBy(s => s.index).Select(s => s.story);
        foreach (var story in ordered)
        {
            var articles = new List<DossierArticle>();
            foreach (var id in Safe(story.Articles))
            {
                if (_articles.TryGetValue(id, out var article))
                {
                    articles.Add(article);
                    inStory.Add(id);
                }
            }
            var view = new StoryView(story.Id, story.Title, story.Explanation, articles, stories.Count + 1);
            stories.Add(view);
            byStory.TryAdd(story.Id, view);
        }
        Unassigned = Safe(dossier.Articles).Where(a => !inStory.Contains(a.Id)).ToList();

        foreach (var claim in Safe(dossier.Claims)) StoryFor(byStory, claim.Story)?.Claims.Add(claim);
        foreach (var ev in Safe(dossier.Events)) StoryFor(byStory, ev.Story)?.Events.Add(ev);
        foreach (var c in Safe(dossier.Contradictions)) StoryFor(byStory, c.Story)?.Contradictions.Add(c);
        foreach (var t in Safe(dossier.Timeline)) StoryFor(byStory, t.Story)?.Timeline.Add(t);

        var storyOfArticle = new Dictionary<string, StoryView>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            foreach (var article in story.Articles) storyOfArticle.TryAdd(article.Id, story);
        }
        foreach (var q in Safe(dossier.Quantities))
        {
            if (storyOfArticle.TryGetValue(q.Article, out var story)) story.Quantities.Add(q);
        }
        foreach (var story in stories)
        {
            // Stable sorts: entries with the same date keep the builder's order.
            var timeline = story.Timeline.OrderBy(t => TimexSortKey(t.Date), StringComparer.Ordinal).ToList();
            story.Timeline.Clear();
            story.Timeline.AddRange(timeline);
            var events = story.Events.OrderBy(e => TimexSortKey(e.Date), StringComparer.Ordinal).ToList();
            story.Events.Clear();
            story.Events.AddRange(events);
        }
        Stories = stories;
    }

    public Dossier Dossier { get; }

    /// <summary>
    /// A key that sorts TIMEX3 values chronologically: a week ("2025-W11") or a season ("2024-SU") sorts
    /// where it begins, a coarser value ("2025-03") before the days inside it; undated or unparsable values last.
    /// </summary>
    public static string TimexSortKey(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "\uffff";
        if (Crosschecking.DisplayDates.Period(value) is not { } period) return value;
        // Longer periods first among those that begin on the same day: the inverted length sorts them so.
        return period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + (999_999 - Math.Min(period.Days, 999_999)).ToString("D6", CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<StoryView> Stories { get; }

    /// <summary>Reports that no story lists (a clustering left them out, or the dossier has no stories).</summary>
    public IReadOnlyList<DossierArticle> Unassigned { get; }

    public static ImmutableArray<T> Safe<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    public DossierArticle? Article(string? id) => id is not null && _articles.TryGetValue(id, out var a) ? a : null;

    public DossierEntity? Entity(string? id) => id is not null && _entities.TryGetValue(id, out var e) ? e : null;

    public DossierClaim? Claim(string? id) => id is not null && _claims.TryGetValue(id, out var c) ? c : null;

    /// <summary>The entity's name, or the id itself when the dossier does not define it.</summary>
    public string EntityName(string id) => Entity(id)?.Name ?? id;

    /// <summary>Outlet, else title, else id: how a reader recognises a report.</summary>
    public static string ArticleLabel(DossierArticle article) =>
        !string.IsNullOrWhiteSpace(article.Outlet) ? article.Outlet!
        : !string.IsNullOrWhiteSpace(article.Title) ? article.Title!
        : article.Id;

    public string ArticleLabel(string articleId) => Article(articleId) is { } a ? ArticleLabel(a) : articleId;

    /// <summary>The exact words an evidence span points at, or null when the span does not fit the text.</summary>
    public string? Quote(Evidence evidence) =>
        Article(evidence.Article) is { } article ? Slice(article.Text, evidence.Start, evidence.End) : null;

    public static string? Slice(string? text, int start, int end) =>
        text is not null && start >= 0 && end >= start && end <= text.Length ? text.Substring(start, end - start) : null;

    /// <summary>Who the claim is from, for grouping: its primary sources, else the speaker as written.</summary>
    public string OriginLabel(DossierClaim claim)
    {
        var origins = Safe(claim.Origins);
        if (!origins.IsEmpty) return string.Join(" + ", origins.Select(EntityName));
        if (claim.Speaker is not null) return EntityName(claim.Speaker);
        if (!string.IsNullOrWhiteSpace(claim.SpeakerText)) return claim.SpeakerText!;
        return "Unattributed";
    }

    public string SpeakerLabel(DossierClaim claim) =>
        claim.Speaker is not null ? EntityName(claim.Speaker)
        : !string.IsNullOrWhiteSpace(claim.SpeakerText) ? claim.SpeakerText!
        : "—";

    /// <summary>Statuses a careful reader should not repeat as fact.</summary>
    public static bool IsDoubtful(string status) =>
        status is "disputed" or "unverified" or "denied" or "alleged";

    public static string KindLabel(string kind) => kind switch
    {
        "directQuote" => "direct quote",
        "indirectSpeech" => "indirect speech",
        "accordingTo" => "according to",
        _ => kind,
    };

    public static string CasualtyLabel(string? casualty) => casualty switch
    {
        "killed" => "killed",
        "wounded" => "wounded",
        "killedOrWounded" => "killed or wounded",
        "missing" => "missing",
        "captured" => "captured",
        null => "",
        _ => casualty,
    };

    /// <summary>"at least 30", "12–15", "about 800": the interval as a sentence would say it.</summary>
    public static string Range(double? min, double? max)
    {
        static string N(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
        return (min, max) switch
        {
            (null, null) => "unknown",
            ({ } a, null) => $"at least {N(a)}",
            (null, { } b) => $"at most {N(b)}",
            ({ } a, { } b) when a == b => N(a),
            ({ } a, { } b) => $"{N(a)}–{N(b)}",
        };
    }

    /// <summary>"at least 14 people", "38 km2": a figure with its unit and what it counts.</summary>
    public static string Figure(double? min, double? max, string? unit, string? counted)
    {
        var text = Range(min, max);
        var countsPeople = unit is "person" or "people";
        if (!string.IsNullOrWhiteSpace(unit) && unit != "count" && !countsPeople) text += " " + unit;
        if (!string.IsNullOrWhiteSpace(counted)) text += " " + counted;
        else if (countsPeople) text += " people";
        return text;
    }

    public static string Published(DossierArticle article) =>
        article.Published is null
            ? $"date unknown ({article.PublishedHow}){(article.AnchoredOn is { } anchor ? $"; relative dates read against {anchor}" : "")}"
            : $"{article.Published} ({article.PublishedHow}{(article.PublishedBasis is { } basis && article.PublishedHow != "given" ? " from " + basis : "")}{(string.IsNullOrWhiteSpace(article.PublishedExplanation) ? "" : ": " + article.PublishedExplanation)})";

    private static StoryView? StoryFor(Dictionary<string, StoryView> byStory, string? id) =>
        id is not null && byStory.TryGetValue(id, out var story) ? story : null;
}

/// <summary>One story with everything the dossier attaches to it, in reading order.</summary>
internal sealed class StoryView(string id, string title, string? explanation, List<DossierArticle> articles, int number)
{
    public string Id { get; } = id;
    public string Title { get; } = string.IsNullOrWhiteSpace(title) ? id : title;
    public string? Explanation { get; } = explanation;
    public int Number { get; } = number;
    public List<DossierArticle> Articles { get; } = articles;
    public List<DossierClaim> Claims { get; } = [];
    public List<DossierEvent> Events { get; } = [];
    public List<DossierContradiction> Contradictions { get; } = [];
    public List<DossierTimelineEntry> Timeline { get; } = [];
    public List<DossierQuantity> Quantities { get; } = [];
}

/// <summary>
/// Numbers the evidence a story cites, in order of first citation, so that one span cited by
/// several lines keeps one number and the reference list quotes it once.
/// </summary>
internal sealed class CitationList
{
    private readonly Dictionary<(string Article, int Start, int End), int> _numbers = [];
    private readonly List<Evidence> _items = [];

    public IReadOnlyList<Evidence> Items => _items;

    /// <summary>The 1-based number of <paramref name="evidence"/>, adding it when first seen.</summary>
    public int Cite(Evidence evidence)
    {
        var key = (evidence.Article, evidence.Start, evidence.End);
        if (_numbers.TryGetValue(key, out var number)) return number;
        _items.Add(evidence);
        number = _items.Count;
        _numbers[key] = number;
        return number;
    }
}
