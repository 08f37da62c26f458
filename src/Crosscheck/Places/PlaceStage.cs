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
        for (int i = 0; i < mentions.Count; i++)
        {
            var place = mentions[i].Kind == MentionKind.Unknown ? Fallback(article.Text, mentions, i) : Resolved(mentions[i]);
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
            entry.CountryCode.Length == 0 ? null : entry.CountryCode, RegionName(e), precision);
    }

    // A place the gazetteer lacks: near a named place, else in the finest region the sentence
    // (then the document) names, else in the document's main country.
    private ResolvedPlace? Fallback(string text, List<Mention> mentions, int index)
    {
        var mention = mentions[index];
        var name = mention.Span.Of(text);
        if (mention.NearMention >= 0 && mentions[mention.NearMention].Resolved >= 0)
        {
            var near = mentions[mention.NearMention];
            int e = near.Candidates[near.Resolved];
            if (Table.KindOf(e) == PlaceKind.Place) return Enclosed(mention, name, e, PlacePrecision.Nearby);
        }
        int region = FinestRegion(mentions, index, sameSentence: true);
        if (region < 0) region = FinestRegion(mentions, index, sameSentence: false);
        if (region >= 0) return Enclosed(mention, name, region, PlacePrecision.Region);
        int country = MainCountry(mentions, mention.Sentence);
        return country >= 0 ? Enclosed(mention, name, country, PlacePrecision.Country) : null;
    }

    private ResolvedPlace Enclosed(Mention mention, string name, int e, PlacePrecision precision)
    {
        var entry = Table[e];
        return new ResolvedPlace(mention.Span, name, entry.Latitude, entry.Longitude, null,
            entry.CountryCode.Length == 0 ? null : entry.CountryCode, RegionName(e), precision);
    }

    private int FinestRegion(List<Mention> mentions, int index, bool sameSentence)
    {
        int best = -1, bestRank = -1, bestDistance = int.MaxValue;
        var mention = mentions[index];
        for (int j = 0; j < mentions.Count; j++)
        {
            var other = mentions[j];
            if (j == index || other.Resolved < 0 || other.Kind == MentionKind.Unknown) continue;
            if (sameSentence && other.Sentence != mention.Sentence) continue;
            int e = other.Candidates[other.Resolved];
            int rank = Table.KindOf(e) switch { PlaceKind.District => 2, PlaceKind.Region => 1, _ => -1 };
            if (rank < 0) continue;
            int distance = Math.Abs(j - index);
            if (rank > bestRank || rank == bestRank && distance < bestDistance)
            {
                best = e;
                bestRank = rank;
                bestDistance = distance;
            }
        }
        return best;
    }

    private int MainCountry(List<Mention> mentions, int sentence)
    {
        var counts = new Dictionary<int, double>();
        foreach (var m in mentions)
        {
            if (m.Resolved < 0 || m.Kind == MentionKind.Unknown) continue;
            int country = Table.CountryEntryOf(m.Candidates[m.Resolved]);
            if (country < 0) continue;
            counts[country] = counts.GetValueOrDefault(country) + (m.Sentence == sentence ? 2 : 1);
        }
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

    private string? RegionName(int e)
    {
        if (Table.KindOf(e) == PlaceKind.Region) return Table.NameOf(e);
        int region = Table.RegionEntryOf(e);
        return region >= 0 ? Table.NameOf(region) : null;
    }
}
