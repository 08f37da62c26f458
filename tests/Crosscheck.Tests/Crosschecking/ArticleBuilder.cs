using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Events;
using Crosscheck.Places;
using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;

namespace Crosscheck.Tests.Crosschecking;

/// <summary>
/// Builds an analysed report by hand: the text stage runs for real, every other layer is
/// declared by quoting the words it covers (the first occurrence unless told otherwise).
/// </summary>
internal sealed class ArticleBuilder(string id, string text)
{
    private readonly List<EntityMention> _mentions = [];
    private readonly List<ArticleEntity> _entities = [];
    private readonly List<ResolvedPlace> _places = [];
    private readonly List<TimeExpression> _times = [];
    private readonly List<Quantity> _quantities = [];
    private readonly List<Attribution> _claims = [];
    private readonly List<NewsEvent> _events = [];
    private string? _title;
    private string? _outlet;
    private DateOnly? _published;
    private ImmutableArray<string> _relays = [];

    public ArticleBuilder Titled(string title) { _title = title; return this; }

    public ArticleBuilder Outlet(string outlet) { _outlet = outlet; return this; }

    public ArticleBuilder Relays(params string[] relays) { _relays = [.. relays]; return this; }

    public ArticleBuilder Published(int year, int month, int day) { _published = new DateOnly(year, month, day); return this; }

    /// <summary>A mention of the entity called <paramref name="name"/> (default: the words themselves).</summary>
    public ArticleBuilder Entity(string words, EntityType type, string? name = null, int occurrence = 1)
    {
        name ??= words;
        int index = IndexOfEntity(name, type);
        _mentions.Add(new EntityMention(Find(words, occurrence), type, index));
        return this;
    }

    public ArticleBuilder Place(string words, double latitude, double longitude, long? geonamesId = null, string? country = null, int occurrence = 1)
    {
        _places.Add(new ResolvedPlace(Find(words, occurrence), words, latitude, longitude, geonamesId, country, null, PlacePrecision.Exact));
        return this;
    }

    public ArticleBuilder Time(string words, string value, int occurrence = 1, TimexType type = TimexType.Date)
    {
        _times.Add(new TimeExpression(Find(words, occurrence), type, value));
        return this;
    }

    public ArticleBuilder Quantity(string words, double? min, double? max, string unit, string? counted = null, CasualtyKind? casualty = null, int occurrence = 1,
        bool approximate = false)
    {
        _quantities.Add(new Quantity(Find(words, occurrence), min, max, unit, counted, casualty, Approximate: approximate));
        return this;
    }

    /// <param name="speaker">Name of an entity added before, when the speaker is resolved.</param>
    /// <param name="cites">The source the speaker cites ("X, citing Y, reported": Y), the first link of the claim's chain.</param>
    public ArticleBuilder Claim(string? source, string? cue, string content, ClaimStatus status = ClaimStatus.Asserted,
        string? speaker = null, AttributionKind kind = AttributionKind.IndirectSpeech, string? cites = null)
    {
        int? speakerIndex = speaker is null ? null : _entities.First(e => e.Name == speaker).Index;
        _claims.Add(new Attribution(source is null ? null : Find(source, 1), cue is null ? null : Find(cue, 1), Find(content, 1), speakerIndex, kind, status)
        {
            CitedSpans = cites is null ? [] : [Find(cites, 1)],
        });
        return this;
    }

    public ArticleBuilder Event(string evidence, string type, string? date = null, string? place = null, string? actor1 = null, string? actor2 = null)
    {
        _events.Add(new NewsEvent(Find(evidence, 1), type, null, date, place is null ? null : Find(place, 1), actor1, actor2));
        return this;
    }

    public AnalyzedArticle Build()
    {
        var article = new Article
        {
            Id = id,
            Text = text,
            Title = _title,
            Outlet = _outlet,
            Relays = _relays,
            ContentHash = id,
            Published = _published is DateOnly d ? PublicationDate.Given(d, "test") : PublicationDate.Unknown,
        };
        var analyzed = new TextStage().Process(new AnalyzedArticle(article), new AnalysisContext(new DateOnly(2024, 1, 1)));
        if (_entities.Count > 0) analyzed = analyzed.With(Layers.Entities, new EntityLayer([.. _mentions.OrderBy(m => m.Span)], [.. _entities]));
        if (_places.Count > 0) analyzed = analyzed.With(Layers.Places, [.. _places]);
        if (_times.Count > 0) analyzed = analyzed.With(Layers.Times, [.. _times]);
        if (_quantities.Count > 0) analyzed = analyzed.With(Layers.Quantities, [.. _quantities]);
        if (_claims.Count > 0) analyzed = analyzed.With(Layers.Claims, [.. _claims]);
        if (_events.Count > 0) analyzed = analyzed.With(Layers.Events, [.. _events]);
        return analyzed;
    }

    private int IndexOfEntity(string name, EntityType type)
    {
        var existing = _entities.FirstOrDefault(e => e.Name == name);
        if (existing is not null) return existing.Index;
        _entities.Add(new ArticleEntity(_entities.Count, type, name, []));
        return _entities.Count - 1;
    }

    private Span Find(string words, int occurrence)
    {
        int at = -1;
        for (int i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(words, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{words}' (occurrence {occurrence}) is not in the text of {id}");
        }
        return new Span(at, at + words.Length);
    }
}

/// <summary>
/// Links entities across reports by name, with optional alias sets ("HUR" = "GUR"), standing in
/// for the real cross-report linker.
/// </summary>
internal sealed class NameEntityLinker(params string[][] sameEntity) : IEntityLinker
{
    public EntityLinking Link(IReadOnlyList<AnalyzedArticle> articles)
    {
        var canonical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sameEntity)
        {
            foreach (var name in set) canonical[name] = set[0];
        }
        var members = new SortedDictionary<string, (EntityType Type, string Name, SortedSet<string> Aliases, List<ArticleEntityRef> Refs)>(StringComparer.Ordinal);
        var idOf = new Dictionary<ArticleEntityRef, string>();
        foreach (var article in articles)
        {
            foreach (var entity in article.GetOrDefault(Layers.Entities, EntityLayer.Empty).Entities)
            {
                string name = canonical.GetValueOrDefault(entity.Name, entity.Name);
                string id = "ent:" + name.ToLowerInvariant().Replace(' ', '-');
                if (!members.TryGetValue(id, out var m))
                {
                    m = (entity.Type, name, new SortedSet<string>(StringComparer.Ordinal), []);
                    members[id] = m;
                }
                if (entity.Name != name) m.Aliases.Add(entity.Name);
                var reference = new ArticleEntityRef(article.Article.Id, entity.Index);
                m.Refs.Add(reference);
                idOf[reference] = id;
            }
        }
        return new EntityLinking([.. members.Select(kv => new LinkedEntity(kv.Key, kv.Value.Type, kv.Value.Name, [.. kv.Value.Aliases], [.. kv.Value.Refs]))], idOf);
    }
}
