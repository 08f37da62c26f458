using System.Collections.Frozen;
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
            ResolvedPlace? place = Facility(article.Text, mentions, i);
            if (place is null && mentions[i].Kind == MentionKind.Unknown)
            {
                // Built once per document, so a long list of unknown names stays linear.
                document ??= new DocumentContext(Table, mentions, article.Text);
                place = Fallback(article.Text, mentions, i, document);
            }
            else if (place is null && mentions[i].InSettlementList && mentions[i].Resolved >= 0)
            {
                document ??= new DocumentContext(Table, mentions, article.Text);
                place = InListRegion(article.Text, mentions, i, document) ?? Resolved(mentions[i]);
            }
            else if (place is null)
            {
                document ??= new DocumentContext(Table, mentions, article.Text);
                place = OutsideItsContainer(article.Text, mentions, i, document) ?? Stranded(article.Text, mentions, i, document) ?? Resolved(mentions[i]);
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

    // The last word of a building's name, never of a town's ("Park", "Heights", "Falls" name towns too).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FacilityWords =
        FrozenSet.ToFrozenSet(["hospital", "airport", "cathedral", "stadium", "church", "mosque", "synagogue", "prison"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// "University Hospital in Columbia, Missouri", "Ottawa's Macdonald-Cartier International Airport":
    /// a building's name is no town, whatever town its first word names; it stands where the text puts
    /// it, the place written right after the whole name with "in" or a comma, or before it with "'s".
    /// A building the text does not place keeps what the gazetteer gives.
    /// </summary>
    private ResolvedPlace? Facility(string text, List<Mention> mentions, int index)
    {
        var mention = mentions[index];
        int nameEnd = FacilityNameEnd(text, mention.Span);
        if (nameEnd < 0) return null;
        int anchor = -1;
        if (index + 1 < mentions.Count && mentions[index + 1].Sentence == mention.Sentence && mentions[index + 1].Span.Start >= nameEnd)
        {
            var between = text.AsSpan(nameEnd, mentions[index + 1].Span.Start - nameEnd).Trim();
            if (between is "in" or "," or ", in") anchor = index + 1;
        }
        if (anchor < 0 && mention.Container >= 0 && mention.Container < index) anchor = mention.Container;
        if (anchor < 0 || mentions[anchor].Kind == MentionKind.Unknown || mentions[anchor].Resolved < 0) return null;
        int e = mentions[anchor].Candidates[mentions[anchor].Resolved];
        // "Kabul International Airport in Afghanistan": a region or country that holds the town the name
        // gives only confirms that town.
        if (Table.KindOf(e) != PlaceKind.Place && mention.Kind != MentionKind.Unknown && mention.Resolved >= 0
            && LiesIn(mention.Candidates[mention.Resolved], e, Table.KindOf(e))) return null;
        var precision = Table.KindOf(e) switch
        {
            PlaceKind.Place => PlacePrecision.Nearby,
            PlaceKind.Region or PlaceKind.District => PlacePrecision.Region,
            _ => PlacePrecision.Country,
        };
        return Enclosed(mention, mention.Span.Of(text), e, precision);
    }

    // Words of a building's name after the mention: "Thomas" + "Memorial Hospital".
    private const int MaxFacilityNameWords = 3;

    /// <summary>
    /// Where the building's name that the mention is, or begins, ends ("University Hospital",
    /// "Thomas Memorial Hospital": the mention and up to three more capitalised words, the last a
    /// <see cref="FacilityWords"/> word), or -1 when the mention is no building's name.
    /// </summary>
    private static int FacilityNameEnd(string text, Span mention)
    {
        var own = mention.SliceOf(text);
        int lastSpace = own.LastIndexOf(' ');
        if (FacilityWords.Contains(own[(lastSpace + 1)..])) return mention.End;
        int at = mention.End;
        for (int words = 0; words < MaxFacilityNameWords; words++)
        {
            if (at + 1 >= text.Length || text[at] != ' ' || !char.IsUpper(text[at + 1])) return -1;
            int start = at + 1, end = start;
            while (end < text.Length && char.IsLetter(text[end])) end++;
            if (FacilityWords.Contains(text.AsSpan(start, end - start))) return end;
            at = end;
        }
        return -1;
    }

    /// <summary>
    /// "HOLLIDAY, Mo.": when no town of the name lies in the region or country the text puts it in,
    /// the gazetteer lacks it, and the container is the finest place the text gives.
    /// </summary>
    private ResolvedPlace? OutsideItsContainer(string text, List<Mention> mentions, int index, DocumentContext context)
    {
        var mention = mentions[index];
        if (mention.Resolved < 0 || mention.Container < 0 || mentions[mention.Container].Resolved < 0) return null;
        int e = mention.Candidates[mention.Resolved];
        if (Table.KindOf(e) != PlaceKind.Place) return null;
        var container = mentions[mention.Container];
        int outer = container.Candidates[container.Resolved];
        var kind = Table.KindOf(outer);
        if (kind is not (PlaceKind.Region or PlaceKind.Country)) return null;
        // "In Miami, Georgia fans waited", "stores in Dallas, Houston, Florida and Georgia": only a
        // region written as a wire container ("HOLLIDAY, Mo.", "Holliday, Missouri, said") is one.
        if (!EndsAsContainer(text, container.Span)) return null;
        foreach (var c in mention.Candidates)
        {
            if (LiesIn(c, outer, kind)) return null;
            // A city or capital is in any gazetteer: "Boston, Texas" is two places, not a Boston the gazetteer lacks.
            if (Table.KindOf(c) == PlaceKind.Place && (Table.PopulationOf(c) >= ContainerFallbackMaxPopulation || Table.FeatureCodeOf(c) is "PPLC" or "PPLA")) return null;
        }
        // A container in a country the story's other places are not in is more likely the next item of a list
        // ("New York City, Long Island, New Jersey") that found the wrong namesake.
        int country = kind == PlaceKind.Country ? outer : Table.CountryEntryOf(outer);
        if (context.MainCountryBesides(context.NameOf(index), out _) != country) return null;
        return Enclosed(mention, mention.Span.Of(text), outer, kind == PlaceKind.Country ? PlacePrecision.Country : PlacePrecision.Region);
    }

    /// <summary>Whether the gazetteer puts the entry in the country or first-level region <paramref name="outer"/> (of kind <paramref name="outerKind"/>).</summary>
    private bool LiesIn(int entry, int outer, PlaceKind outerKind) =>
        outerKind == PlaceKind.Country ? Table.CountryEntryOf(entry) == outer : Table.RegionEntryOf(entry) == outer;

    // Towns this large, and capitals, are never missing from the gazetteer.
    private const long ContainerFallbackMaxPopulation = 100_000;

    // A wire container ends at a comma, full stop, dash, closing bracket or the end of the text,
    // or is an abbreviation ("Mo."); a name followed by more words, or by "and", is a list or a modifier.
    private static bool EndsAsContainer(string text, Span container)
    {
        if (container.End > container.Start && text[container.End - 1] == '.') return true;
        int at = container.End;
        while (at < text.Length && text[at] == ' ') at++;
        if (at >= text.Length) return true;
        char next = text[at];
        if (next is '.' or ')' or '\u2014' or '\u2013') return true;
        if (next == '-') return at + 1 < text.Length && (text[at + 1] is '-' or ' ');
        if (next != ',') return false;
        at++;
        while (at < text.Length && text[at] == ' ') at++;
        return !(text.AsSpan(at).StartsWith("and ", StringComparison.OrdinalIgnoreCase) || text.AsSpan(at).StartsWith("or ", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// "Today she skates in Red Deer, Innisfail and Edmonton", "London's Heathrow": a small town
    /// whose every namesake in the gazetteer lies in another country than the story's, with none
    /// of the story's places near it, is a town of that name the gazetteer lacks when the text
    /// itself ties it to a town of the story's country, as its container or in the same list; it
    /// is placed near that town, and so is every mention of the name. Without such a tie, or
    /// when a mention's written container holds a namesake ("Positano, Italy"), the gazetteer's
    /// choice stands.
    /// </summary>
    private ResolvedPlace? Stranded(string text, List<Mention> mentions, int index, DocumentContext context)
    {
        var mention = mentions[index];
        if (mention.Resolved < 0 || mention.Kind != MentionKind.Name) return null;
        int e = mention.Candidates[mention.Resolved];
        if (Table.KindOf(e) != PlaceKind.Place || Table.PopulationOf(e) >= StrandedTownPopulation) return null;
        if (mention.Candidates.Length > StrandedMaxNamesakes) return null;
        var name = context.NameOf(index);
        // Every mention of the name gets the same answer: decided once per name, so the check stays linear.
        if (!context.StrandedAnchors.TryGetValue(name, out int anchor))
        {
            anchor = StrandedAnchor(text, mentions, index, name, context);
            context.StrandedAnchors[name] = anchor;
        }
        if (anchor < 0) return null;
        return Enclosed(mention, mention.Span.Of(text), mentions[anchor].Candidates[mentions[anchor].Resolved], PlacePrecision.Nearby);
    }

    private int StrandedAnchor(string text, List<Mention> mentions, int index, string name, DocumentContext context)
    {
        var mention = mentions[index];
        int main = context.MainCountryBesides(name, out double mainWeight);
        if (main < 0 || mainWeight < StrandedMinimumSupport) return -1;
        foreach (var c in mention.Candidates)
        {
            if (Table.KindOf(c) != PlaceKind.Place || Table.CountryEntryOf(c) == main) return -1;
            if (context.LocalWeightBesides(Table.CountryEntryOf(c), name) * 2 >= mainWeight) return -1;
            if (context.HasPlaceNear(c, name, StrandedNeighbourKm)) return -1;
        }
        int anchor = -1;
        foreach (int j in context.MentionsNamed(name))
        {
            var m = mentions[j];
            if (m.Container >= 0 && HoldsCandidate(mentions[m.Container], m)) return -1;
            if (anchor >= 0) continue;
            if (m.Container >= 0 && IsTownIn(mentions[m.Container], main)) anchor = m.Container;
            else anchor = ListNeighbourIn(text, mentions, j, main);
        }
        return anchor;
    }

    // Whether the text's container of the mention may be a region or country that holds one of its namesakes.
    private bool HoldsCandidate(Mention container, Mention mention)
    {
        foreach (int outer in container.Candidates)
        {
            var kind = Table.KindOf(outer);
            if (kind is not (PlaceKind.Region or PlaceKind.Country)) continue;
            foreach (int c in mention.Candidates)
            {
                if (LiesIn(c, outer, kind)) return true;
            }
        }
        return false;
    }

    // "Red Deer, Innisfail and Edmonton": the nearest neighbour in the same comma/and list that is a town of the country, or -1.
    private int ListNeighbourIn(string text, List<Mention> mentions, int index, int country)
    {
        var m = mentions[index];
        int before = index - 1, after = index + 1;
        if (before >= 0 && mentions[before].Sentence == m.Sentence && mentions[before].Resolved >= 0
            && PlaceResolver.IsListSeparator(text, mentions[before].Span.End, m.Span.Start) && IsTownIn(mentions[before], country)) return before;
        if (after < mentions.Count && mentions[after].Sentence == m.Sentence && mentions[after].Resolved >= 0
            && PlaceResolver.IsListSeparator(text, m.Span.End, mentions[after].Span.Start) && IsTownIn(mentions[after], country)) return after;
        return -1;
    }

    private bool IsTownIn(Mention mention, int country)
    {
        if (mention.Resolved < 0 || mention.Kind == MentionKind.Unknown) return false;
        int e = mention.Candidates[mention.Resolved];
        return Table.KindOf(e) == PlaceKind.Place && Table.CountryEntryOf(e) == country;
    }

    // Heathrow (Florida) has some 6,000 people; a town big enough to be news far away is in any gazetteer's namesakes.
    private const long StrandedTownPopulation = 50_000;

    // The story's towns (1 each) and regions (1.5) must put it in its country at least this much.
    private const double StrandedMinimumSupport = 2;

    private const double StrandedNeighbourKm = 500;

    // A name with many namesakes is a common one, which the gazetteer's choice already weighs.
    private const int StrandedMaxNamesakes = 8;

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

    private readonly string _text;

    public DocumentContext(Gazetteer table, List<Mention> mentions, string text)
    {
        _table = table;
        _mentions = mentions;
        _text = text;
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

    private int? _votedSentence;
    private readonly Dictionary<int, double> _sentenceCounts = [];

    /// <summary>The country most of the document's places lie in, its own sentence's places counting double.</summary>
    public int MainCountry(int index)
    {
        int sentence = _mentions[index].Sentence;
        if (_votedSentence != sentence)
        {
            // Counted once per sentence, so a sentence listing thousands of unknown villages stays linear.
            _votedSentence = sentence;
            _sentenceCounts.Clear();
            foreach (var (country, weight) in _countries) _sentenceCounts[country] = weight;
            // The sentence's own mentions are contiguous around the index: add their second vote.
            for (int j = index; j >= 0 && _mentions[j].Sentence == sentence; j--) Vote(_sentenceCounts, j);
            for (int j = index + 1; j < _mentions.Count && _mentions[j].Sentence == sentence; j++) Vote(_sentenceCounts, j);
        }
        var counts = _sentenceCounts;
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

    // Folded names, the country weights of all towns and regions and of each name's, and the towns and districts
    // by 5-degree cell: built on the first stranded-town question, so the checks stay linear.
    private string[]? _names;
    private Dictionary<int, double> _localWeight = [];
    private Dictionary<(string, int), double> _nameLocalWeight = [];
    private Dictionary<(int, int), List<int>> _townCells = [];
    private Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);

    /// <summary>The stranded-town decision per folded name: the anchor mention, or -1.</summary>
    public Dictionary<string, int> StrandedAnchors { get; } = new(StringComparer.Ordinal);

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_names))]
    private void Index()
    {
        if (_names is not null) return;
        _names = new string[_mentions.Count];
        for (int j = 0; j < _mentions.Count; j++)
        {
            var m = _mentions[j];
            _names[j] = PlaceNames.Fold(m.Span.Of(_text));
            if (!_byName.TryGetValue(_names[j], out var same)) _byName[_names[j]] = same = [];
            same.Add(j);
            if (m.Resolved < 0 || m.Kind == MentionKind.Unknown) continue;
            int e = m.Candidates[m.Resolved];
            int country = _table.CountryEntryOf(e);
            if (country >= 0 && _table.KindOf(e) != PlaceKind.Country)
            {
                double w = _table.KindOf(e) == PlaceKind.Place ? 1 : 1.5;
                _localWeight[country] = _localWeight.GetValueOrDefault(country) + w;
                _nameLocalWeight[(_names[j], country)] = _nameLocalWeight.GetValueOrDefault((_names[j], country)) + w;
            }
            if (_table.KindOf(e) is PlaceKind.Place or PlaceKind.District)
            {
                var cell = Cell(_table.LatitudeOf(e), _table.LongitudeOf(e));
                if (!_townCells.TryGetValue(cell, out var list)) _townCells[cell] = list = [];
                list.Add(j);
            }
        }
    }

    private const double CellDegrees = 5;
    private const int LongitudeCells = 72;

    private static (int, int) Cell(double lat, double lon) =>
        ((int)Math.Floor(lat / CellDegrees), (((int)Math.Floor(lon / CellDegrees)) % LongitudeCells + LongitudeCells) % LongitudeCells);

    /// <summary>The folded name of mention <paramref name="index"/>.</summary>
    public string NameOf(int index)
    {
        Index();
        return _names[index];
    }

    /// <summary>
    /// How much the document's towns (1 each) and regions (1.5) other than <paramref name="name"/> put
    /// the story in the country; a country's own name does not ("returned from Australia", and a
    /// person called Georgia, say nothing of where the story is).
    /// </summary>
    public double LocalWeightBesides(int country, string name)
    {
        Index();
        return _localWeight.GetValueOrDefault(country) - _nameLocalWeight.GetValueOrDefault((name, country));
    }

    /// <summary>The mentions whose folded name is <paramref name="name"/>, in text order.</summary>
    public IReadOnlyList<int> MentionsNamed(string name)
    {
        Index();
        return _byName.TryGetValue(name, out var list) ? list : [];
    }

    /// <summary>The country the document's towns and regions other than <paramref name="name"/> most support, or -1.</summary>
    public int MainCountryBesides(string name, out double weight)
    {
        Index();
        int best = -1;
        weight = 0;
        foreach (var country in _localWeight.Keys)
        {
            double w = LocalWeightBesides(country, name);
            if (w > weight || w == weight && country < best) (best, weight) = (country, w);
        }
        return best;
    }

    /// <summary>Whether another name of the document resolved to a town or district within <paramref name="km"/> (at most 500) of the entry.</summary>
    public bool HasPlaceNear(int entry, string name, double km)
    {
        Index();
        double lat = _table.LatitudeOf(entry), lon = _table.LongitudeOf(entry);
        var (cy, cx) = Cell(lat, lon);
        // A 5-degree cell narrows towards the poles: look as many cells east and west as 500 km spans there.
        double cos = Math.Cos(Math.Min(Math.Abs(lat) + CellDegrees, 89) * Math.PI / 180);
        int reach = Math.Min(LongitudeCells / 2, (int)Math.Ceiling(1 / cos));
        for (int dy = -1; dy <= 1; dy++)
        {
            for (int dx = -reach; dx <= reach; dx++)
            {
                // Cells count east from 0 degrees (so both sides of 180 degrees are neighbours): wrap back past it.
                int x = ((cx + dx) % LongitudeCells + LongitudeCells) % LongitudeCells;
                if (!_townCells.TryGetValue((cy + dy, x), out var list)) continue;
                foreach (int j in list)
                {
                    if (_names[j] == name) continue;
                    int e = _mentions[j].Candidates[_mentions[j].Resolved];
                    if (GeoMath.ApproximateDistanceKm(lat, lon, _table.LatitudeOf(e), _table.LongitudeOf(e)) < km) return true;
                }
            }
        }
        return false;
    }

    private void Vote(Dictionary<int, double> counts, int j)
    {
        var m = _mentions[j];
        if (m.Resolved < 0 || m.Kind == MentionKind.Unknown) return;
        int country = _table.CountryEntryOf(m.Candidates[m.Resolved]);
        if (country >= 0) counts[country] = counts.GetValueOrDefault(country) + 1;
    }
}
