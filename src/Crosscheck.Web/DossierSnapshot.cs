using System.Collections.Concurrent;
using System.Collections.Frozen;
using Crosscheck.Report;

namespace Crosscheck.Web;

/// <summary>
/// One assembled dossier with the lookups every page needs, built once per store change and then
/// only read: requests never assemble, they look up. Immutable after construction (the page
/// cache only memoises output derived from it), so any number of requests share it.
/// </summary>
internal sealed class DossierSnapshot
{
    private readonly FrozenDictionary<string, StoryView> _stories;
    private readonly FrozenDictionary<string, string> _storyOfArticle;
    private readonly FrozenDictionary<string, StorySummary> _summaries;
    private readonly FrozenDictionary<string, IReadOnlyList<Annotation>> _annotations;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _storiesOfEntity;

    public DossierSnapshot(Dossier dossier, long version)
    {
        Dossier = dossier;
        Version = version;
        View = new DossierView(dossier);
        _stories = View.Stories.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        var storyOfArticle = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in View.Stories)
        {
            foreach (var article in story.Articles) storyOfArticle.TryAdd(article.Id, story.Id);
        }
        _storyOfArticle = storyOfArticle.ToFrozenDictionary(StringComparer.Ordinal);

        var entitiesOfStory = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var storiesOfEntity = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var annotations = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        void Annotate(Evidence evidence, string kind, string label, string? link)
        {
            if (!annotations.TryGetValue(evidence.Article, out var list)) annotations[evidence.Article] = list = [];
            list.Add(new Annotation(evidence.Start, evidence.End, kind, label, link));
        }
        foreach (var entity in DossierView.Safe(dossier.Entities))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var mention in DossierView.Safe(entity.Mentions))
            {
                Annotate(mention, "entity-" + entity.Type, $"{entity.Type}: {entity.Name}", "/entities/" + Uri.EscapeDataString(entity.Id));
                if (!storyOfArticle.TryGetValue(mention.Article, out var storyId) || !seen.Add(storyId)) continue;
                if (!entitiesOfStory.TryGetValue(storyId, out var set)) entitiesOfStory[storyId] = set = new(StringComparer.Ordinal);
                set.Add(entity.Id);
                if (!storiesOfEntity.TryGetValue(entity.Id, out var stories)) storiesOfEntity[entity.Id] = stories = [];
                stories.Add(storyId);
            }
        }
        foreach (var time in DossierView.Safe(dossier.Times)) Annotate(new Evidence(time.Article, time.Start, time.End), "time", $"{time.Type}: {time.Value}", null);
        foreach (var q in DossierView.Safe(dossier.Quantities))
        {
            Annotate(new Evidence(q.Article, q.Start, q.End), "quantity", "quantity: " + DossierView.Figure(q.Min, q.Max, q.Unit, q.Counted), null);
        }
        foreach (var claim in DossierView.Safe(dossier.Claims))
        {
            foreach (var evidence in DossierView.Safe(claim.Evidence))
            {
                Annotate(evidence, "claim", $"claim ({claim.Status}) by {View.SpeakerLabel(claim)}", "/stories/" + Uri.EscapeDataString(claim.Story) + "#" + claim.Id);
            }
        }
        foreach (var ev in DossierView.Safe(dossier.Events))
        {
            foreach (var evidence in DossierView.Safe(ev.Evidence)) Annotate(evidence, "event", $"event: {ev.Type}{(ev.SubType is null ? "" : " / " + ev.SubType)}", null);
        }
        _annotations = annotations.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<Annotation>)p.Value.OrderBy(a => a.Start).ThenByDescending(a => a.End).ToList(), StringComparer.Ordinal);
        _storiesOfEntity = storiesOfEntity.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);

        var summaries = new Dictionary<string, StorySummary>(StringComparer.Ordinal);
        foreach (var story in View.Stories)
        {
            var dates = story.Articles.Select(a => a.Published).Where(d => d is not null).Cast<string>().Order(StringComparer.Ordinal).ToList();
            var entities = entitiesOfStory.TryGetValue(story.Id, out var ids) ? ids : [];
            var places = entities.Select(View.Entity).Where(e => e is { Type: "place" }).Select(e => e!.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            summaries[story.Id] = new StorySummary(story.Id, story.Number, story.Title, story.Explanation, story.Articles.Count, story.Claims.Count,
                story.Contradictions.Count, dates.FirstOrDefault(), dates.LastOrDefault(), places, entities.Order(StringComparer.Ordinal).ToList());
        }
        _summaries = summaries.ToFrozenDictionary(StringComparer.Ordinal);
        Summaries = View.Stories.Select(s => _summaries[s.Id]).ToList();
    }

    public Dossier Dossier { get; }

    /// <summary>Changes whenever the store changes; part of every cache key and ETag.</summary>
    public long Version { get; }

    public DossierView View { get; }

    /// <summary>Stories in the order a desk reads them: the one most reports tell first.</summary>
    public IReadOnlyList<StorySummary> Summaries { get; }

    /// <summary>Rendered pages of this snapshot, so a busy story page is rendered once per store change.</summary>
    public ConcurrentDictionary<string, string> PageCache { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Search results of this snapshot: a query that matches most reports costs a BM25 pass over all
    /// of them, and a desk repeats its queries. Emptied with the snapshot when the store changes.
    /// </summary>
    public ConcurrentDictionary<string, IReadOnlyList<Crosscheck.Store.SearchHit>> SearchCache { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A story page, rendered once per snapshot for its first page, unfiltered or filtered by status
    /// (a checked list). Free-text filters (speaker, origins) and later ledger pages are rendered on
    /// each request: a client could otherwise fill memory with endless large variants.
    /// </summary>
    public string StoryPage(StoryView story, ClaimFilter filter, int ledgerPage)
    {
        var cacheable = ledgerPage == 1 && string.IsNullOrEmpty(filter.Speaker) && string.IsNullOrEmpty(filter.OriginsText)
            && string.IsNullOrEmpty(filter.Story) && filter.Problem is null;
        if (!cacheable) return Pages.Story(this, story, filter, ledgerPage);
        var key = string.Join('\u001f', "story", story.Id, filter.Status);
        if (PageCache.TryGetValue(key, out var html)) return html;
        html = Pages.Story(this, story, filter, ledgerPage);
        if (PageCache.Count < 4096) PageCache.TryAdd(key, html);
        return html;
    }

    /// <summary>Memoises a search; the cache is bounded so hostile query streams cannot grow it.</summary>
    public IReadOnlyList<Crosscheck.Store.SearchHit> Search(Crosscheck.Store.ISearchIndex index, string query, string? language, int limit, int offset)
    {
        var key = string.Join('\u001f', query.Trim(), language, limit, offset);
        if (SearchCache.TryGetValue(key, out var hits)) return hits;
        // A PostgreSQL index is live while this snapshot is not: a report stored since it was built is left out until the next rebuild has it.
        hits = index.Search(query, language, limit, offset).Where(hit => View.Article(hit.ArticleId) is not null).ToList();
        if (SearchCache.Count < 4096) SearchCache.TryAdd(key, hits);
        return hits;
    }

    public StoryView? Story(string id) => _stories.GetValueOrDefault(id);

    public StorySummary? Summary(string id) => _summaries.GetValueOrDefault(id);

    public string? StoryOfArticle(string articleId) => _storyOfArticle.GetValueOrDefault(articleId);

    public IReadOnlyList<Annotation> Annotations(string articleId) => _annotations.GetValueOrDefault(articleId) ?? [];

    public IReadOnlyList<string> StoriesOfEntity(string entityId) => _storiesOfEntity.GetValueOrDefault(entityId) ?? [];
}

/// <summary>A highlighted span of an article's cleaned text, with what it is and where it leads.</summary>
public sealed record Annotation(int Start, int End, string Kind, string Label, string? Link);

/// <summary>A story as listed: enough to choose one, filter by time, place or entity.</summary>
public sealed record StorySummary(string Id, int Number, string Title, string? Explanation, int ArticleCount, int ClaimCount,
    int ContradictionCount, string? FirstPublished, string? LastPublished, IReadOnlyList<string> Places, IReadOnlyList<string> Entities);
