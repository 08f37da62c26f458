using System.Collections.Immutable;

namespace Crosscheck.Places;

/// <summary>
/// Finds toponyms and resolves each to a location (layer <see cref="Layers.Places"/>).
/// Reads the entity layer when an earlier stage produced it (it is not required): its Place
/// mentions are added to the gazetteer-driven ones and its Person mentions veto a match.
/// </summary>
/// <remarks>
/// Precision says what the coordinates stand for: <see cref="PlacePrecision.Exact"/> for a
/// populated place of the gazetteer, <see cref="PlacePrecision.Region"/> for a first- or
/// second-level region (named, or the finest region the text names around a village the
/// gazetteer lacks), <see cref="PlacePrecision.Country"/> for a country or wider area, and
/// <see cref="PlacePrecision.Nearby"/> for an unknown place the text puts near a known one.
/// A dateline at the start of the text is metadata (where the reporter filed from) and is skipped.
/// </remarks>
public sealed class PlaceStage : IStage
{
    public const string StageName = "places";

    private readonly Lazy<Gazetteer> _gazetteerLazy;
    private readonly Lazy<ToponymRecognizer> _recognizer;
    private readonly Lazy<PlaceResolver> _resolver;

    /// <summary>Uses the gazetteer embedded in the library, loaded on first use (once per process).</summary>
    public PlaceStage() : this(new Lazy<Gazetteer>(Gazetteer.LoadDefault)) { }

    public PlaceStage(Gazetteer gazetteer) : this(new Lazy<Gazetteer>(gazetteer)) { }

    private PlaceStage(Lazy<Gazetteer> gazetteer)
    {
        _gazetteerLazy = gazetteer;
        _recognizer = new Lazy<ToponymRecognizer>(() => new ToponymRecognizer(gazetteer.Value));
        _resolver = new Lazy<PlaceResolver>(() => new PlaceResolver(gazetteer.Value));
    }

    private Gazetteer Table => _gazetteerLazy.Value;

    public string Name => StageName;

    public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Places];

    public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
    {
        var mentions = _recognizer.Value.Recognize(article);
        _resolver.Value.Resolve(mentions, article.Text);
        var places = ImmutableArray.CreateBuilder<ResolvedPlace>(mentions.Count);
        DocumentContext? document = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            ResolvedPlace? place;
            if (mentions[i].Kind == MentionKind.Unknown)
            {
                // Built once per document, so a long list of unknown names stays linear.
                document ??= new DocumentContext(Table, mentions);
                place = Fallback(article.Text, mentions, i, document);
            }
            else if (mentions[i].InSettlementList && mentions[i].Resolved >= 0)
            {
                document ??= new DocumentContext(Table, mentions);
                place = InListRegion(article.Text, mentions, i, document) ?? Resolved(mentions[i]);
            }
            else
            {
                place = Resolved(mentions[i]);
            }
            if (place is not null) places.Add(place);
        }
        return article.With(Layers.Places, places.ToImmutable());
    }

    private ResolvedPlace? Resolved(Mention mention)
    {
        if (mention.Resolved < 0) return null;
        int e = mention.Candidates[mention.Resolved];
        var entry = Table[e];
        var precision = entry.Kind switch
        {
            PlaceKind.Place => PlacePrecision.Exact,
            PlaceKind.Region or PlaceKind.District => PlacePrecision.Region,
            _ => PlacePrecision.Country,
        };
        return new ResolvedPlace(mention.Span, entry.Name, entry.Latitude, entry.Longitude,
            entry.Kind == PlaceKind.Place ? entry.GeonamesId : null,
            entry.CountryCode.Length == 0 ? null : entry.CountryCode, RegionName(e), precision)
        { WrittenAsDemonym = mention.Kind == MentionKind.Adjective };
    }

    // A place the gazetteer lacks: near a named place, else in the finest region the sentence
    // (then the document) names, else in the document's main country.
    private ResolvedPlace? Fallback(string text, List<Mention> mentions, int index, DocumentContext context)
    {
        var mention = mentions[index];
        var name = mention.Span.Of(text);
        if (mention.NearMention >= 0 && mentions[mention.NearMention].Resolved >= 0)
        {
            var near = mentions[mention.NearMention];
            int e = near.Candidates[near.Resolved];
            if (Table.KindOf(e) == PlaceKind.Place) return Enclosed(mention, name, e, PlacePrecision.Nearby);
        }
        int region = context.FinestRegion(index, sameSentence: true);
        if (region < 0) region = context.FinestRegion(index, sameSentence: false);
        if (region >= 0) return Enclosed(mention, name, region, PlacePrecision.Region);
        int country = context.MainCountry(index);
        return country >= 0 ? Enclosed(mention, name, country, PlacePrecision.Country) : null;
    }

    /// <summary>
    /// "the villages of Plekhovo, Vorozhba and Martynovka in the Kursk region": a listed name whose
    /// gazetteer town lies outside the region the sentence names is another village of that name,
    /// one the gazetteer lacks, so it is placed by the region, as the unknown names beside it are.
    /// </summary>
    private ResolvedPlace? InListRegion(string text, List<Mention> mentions, int index, DocumentContext context)
    {
        var mention = mentions[index];
        int e = mention.Candidates[mention.Resolved];
        if (Table.KindOf(e) != PlaceKind.Place) return null;
        int region = context.FinestRegion(index, sameSentence: true);
        if (region < 0) return null;
        // A district named after the list is judged by the first-level region it lies in.
        int firstLevel = Table.KindOf(region) == PlaceKind.District ? Table.RegionEntryOf(region) : region;
        if (Table.RegionEntryOf(e) == firstLevel) return null;
        return Enclosed(mention, mention.Span.Of(text), region, PlacePrecision.Region);
    }

    private ResolvedPlace Enclosed(Mention mention, string name, int e, PlacePrecision precision)
    {
        var entry = Table[e];
        return new ResolvedPlace(mention.Span, name, entry.Latitude, entry.Longitude, null,
            entry.CountryCode.Length == 0 ? null : entry.CountryCode, RegionName(e), precision);
    }

    private string? RegionName(int e)
    {
        if (Table.KindOf(e) == PlaceKind.Region) return Table.NameOf(e);
        int region = Table.RegionEntryOf(e);
        return region >= 0 ? Table.NameOf(region) : null;
    }
}

/// <summary>
/// What the fallback for an unknown name needs from the rest of the document, indexed once: the
/// resolved regions by rank, in text order, and the countries the document's places lie in.
/// </summary>
internal sealed class DocumentContext
{
    private readonly Gazetteer _table;
    private readonly List<Mention> _mentions;
    // Mention indexes of resolved districts (rank 2) and regions (rank 1), ascending.
    private readonly List<int>[] _byRank = [[], [], []];
    private readonly Dictionary<int, double> _countries = [];

    public DocumentContext(Gazetteer table, List<Mention> mentions)
    {
        _table = table;
        _mentions = mentions;
        for (int j = 0; j < mentions.Count; j++)
        {
            var m = mentions[j];
            if (m.Resolved < 0 || m.Kind == MentionKind.Unknown) continue;
            int e = m.Candidates[m.Resolved];
            int rank = table.KindOf(e) switch { PlaceKind.District => 2, PlaceKind.Region => 1, _ => -1 };
            if (rank > 0) _byRank[rank].Add(j);
            int country = table.CountryEntryOf(e);
            if (country >= 0) _countries[country] = _countries.GetValueOrDefault(country) + 1;
        }
    }

    /// <summary>The finest region named (in the same sentence, or anywhere), the nearest one on ties.</summary>
    public int FinestRegion(int index, bool sameSentence)
    {
        int sentence = _mentions[index].Sentence;
        for (int rank = 2; rank >= 1; rank--)
        {
            var list = _byRank[rank];
            if (list.Count == 0) continue;
            int at = list.BinarySearch(index);
            if (at < 0) at = ~at;
            // The nearest before and after; the earlier wins a tie, as a left-to-right scan would.
            int best = -1, bestDistance = int.MaxValue;
            foreach (int k in (ReadOnlySpan<int>)[at - 1, at])
            {
                if (k < 0 || k >= list.Count || list[k] == index) continue;
                if (sameSentence && _mentions[list[k]].Sentence != sentence) continue;
                int distance = Math.Abs(list[k] - index);
                if (distance < bestDistance || distance == bestDistance && list[k] < best) (best, bestDistance) = (list[k], distance);
            }
            if (best >= 0)
            {
                var m = _mentions[best];
                return m.Candidates[m.Resolved];
            }
        }
        return -1;
    }

    /// <summary>The country most of the document's places lie in, its own sentence's places counting double.</summary>
    public int MainCountry(int index)
    {
        int sentence = _mentions[index].Sentence;
        var counts = new Dictionary<int, double>(_countries);
        // The sentence's own mentions are contiguous around the index: add their second vote.
        for (int j = index; j >= 0 && _mentions[j].Sentence == sentence; j--) Vote(counts, j);
        for (int j = index + 1; j < _mentions.Count && _mentions[j].Sentence == sentence; j++) Vote(counts, j);
        int best = -1;
        double max = 0;
        foreach (var (country, weight) in counts)
        {
            if (weight > max || weight == max && country < best)
            {
                best = country;
                max = weight;
            }
        }
        return best;
    }

    private void Vote(Dictionary<int, double> counts, int j)
    {
        var m = _mentions[j];
        if (m.Resolved < 0 || m.Kind == MentionKind.Unknown) return;
        int country = _table.CountryEntryOf(m.Candidates[m.Resolved]);
        if (country >= 0) counts[country] = counts.GetValueOrDefault(country) + 1;
    }
}
