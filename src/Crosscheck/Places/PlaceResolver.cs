namespace Crosscheck.Places;

/// <summary>
/// Chooses one gazetteer entry per mention from the document's context: a prior from kind and
/// population, the countries and first-level regions the other mentions resolve to, what the
/// text says contains the mention ("Paris, Texas", "Russia's Kursk region"), and closeness to the
/// other places of the same and neighbouring sentences. Three rounds, each reading the last.
/// </summary>
internal sealed class PlaceResolver(Gazetteer gazetteer)
{
    private const int Rounds = 3;

    // Worth of each other name in the document that has a candidate near this one (log-scaled).
    private const double CoherenceWeight = 1.0;

    // How much a tenfold population counts against the document's context (a country or region
    // named elsewhere in the text is worth about a hundredfold population).
    private const double PopulationWeight = 0.6;

    // A world city: a national capital of at least CapitalPopulation, or any town of WorldCityPopulation.
    private const long WorldCityPopulation = 5_000_000;
    private const long CapitalPopulation = 100_000;

    // A namesake of a world city under this population is a small town, whose story names its surroundings.
    private const long SmallTownPopulation = 100_000;

    // Another name of the document with a candidate near the namesake (log2 of the weighted count, as SpatialCoherence.Support).
    private const double StrongSupport = 1;

    // The share of the document's country and region bonus left to a small namesake of a world city.
    private const double WorldCityNamesakeContext = 0.5;

    // Three names of regions in a row make a list of regions.
    private const int MinRegionList = 3;
    private const double RegionListBonus = 2;

    // As much as the text's own container ("Paris, Texas") is worth.
    private const double CapitalDatelineBonus = 4;

    public void Resolve(List<Mention> mentions, string text)
    {
        if (mentions.Count == 0) return;
        var regionList = RegionLists(mentions, text);
        var coherence = new SpatialCoherence(gazetteer, mentions, text);
        var priors = new double[mentions.Count][];
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var p = new double[m.Candidates.Length];
            bool namesCountry = false;
            foreach (var c in m.Candidates) namesCountry |= gazetteer.KindOf(c) == PlaceKind.Country;
            for (int c = 0; c < p.Length; c++)
            {
                int e = m.Candidates[c];
                p[c] = Prior(e) + ContainedBonus(mentions, i, e) + CoherenceWeight * coherence.Support(i, e);
                if (regionList[i] && gazetteer.KindOf(e) == PlaceKind.Region) p[c] += RegionListBonus;
                if (gazetteer.KindOf(e) is PlaceKind.Place or PlaceKind.District)
                {
                    // "Egypt" is the country before it is a hamlet in Alabama; "California" is the
                    // state before a town of that name in Pennsylvania (national capitals excepted:
                    // "Washington" is as often the capital as the state).
                    if (namesCountry) p[c] -= 1.5;
                    else if (HasNamesakeRegionElsewhere(m, e) && gazetteer.FeatureCodeOf(e) != "PPLC") p[c] -= 1.0;
                }
            }
            priors[i] = p;
        }
        CapitalDateline(mentions, text, coherence, priors);
        NamedByKindNoun(mentions, text, coherence, priors);
        for (int i = 0; i < mentions.Count; i++) mentions[i].Resolved = ArgMax(priors[i]);
        var worldCities = new int[mentions.Count];
        for (int i = 0; i < mentions.Count; i++) worldCities[i] = WorldCity(gazetteer, mentions[i]);
        // "A Moscow, Idaho, man ... Police in Moscow": a container written for one mention of the name holds for all.
        var groupHasContainer = new bool[mentions.Count];
        for (int i = 0; i < mentions.Count; i++) groupHasContainer[coherence.GroupOf(i)] |= mentions[i].Container >= 0;
        var jurisdictions = Jurisdictions(mentions, text);

        // Keyed by the gazetteer entry of the country and of the first-level region.
        var countryWeight = new Dictionary<int, double>();
        var regionWeight = new Dictionary<int, double>();
        // What a name's own mentions add, so that "London" repeated does not vote for its own London.
        var groupCountry = new Dictionary<(int, int), double>();
        var groupRegion = new Dictionary<(int, int), double>();
        for (int round = 0; round < Rounds; round++)
        {
            countryWeight.Clear();
            regionWeight.Clear();
            groupCountry.Clear();
            groupRegion.Clear();
            for (int i = 0; i < mentions.Count; i++)
            {
                var m = mentions[i];
                if (m.Resolved < 0) continue;
                int e = m.Candidates[m.Resolved];
                double w = Evidence(m, e);
                int country = gazetteer.CountryEntryOf(e), region = gazetteer.RegionEntryOf(e);
                if (country < 0) continue;
                Add(countryWeight, country, w);
                Add(groupCountry, (coherence.GroupOf(i), country), w);
                if (region >= 0)
                {
                    Add(regionWeight, region, w);
                    Add(groupRegion, (coherence.GroupOf(i), region), w);
                }
            }
            var next = new int[mentions.Count];
            for (int i = 0; i < mentions.Count; i++)
            {
                var m = mentions[i];
                if (m.Candidates.Length <= 1)
                {
                    next[i] = m.Candidates.Length - 1;
                    continue;
                }
                // This name's own votes do not count for itself.
                int group = coherence.GroupOf(i);
                int worldCity = worldCities[i];
                double bestScore = double.NegativeInfinity;
                int best = 0;
                for (int c = 0; c < m.Candidates.Length; c++)
                {
                    int e = m.Candidates[c];
                    var kind = gazetteer.KindOf(e);
                    int country = gazetteer.CountryEntryOf(e), region = gazetteer.RegionEntryOf(e);
                    double score = priors[i][c];
                    double context = 0;
                    // Context that supports a place supports just as much the country or region of
                    // the same name that contains it ("Mexico", "New York", "Quebec"): no bonus over it.
                    if (country >= 0 && Array.IndexOf(m.Candidates, country) >= 0) country = -1;
                    if (region >= 0 && kind != PlaceKind.Region && Array.IndexOf(m.Candidates, region) >= 0) region = -1;
                    if (country >= 0 && kind != PlaceKind.Country && countryWeight.TryGetValue(country, out var cw))
                    {
                        cw -= groupCountry.GetValueOrDefault((group, country));
                        if (cw > 0.01) context += 1.5 + 0.6 * Math.Log2(1 + cw);
                    }
                    if (region >= 0 && kind != PlaceKind.Region && regionWeight.TryGetValue(region, out var rw))
                    {
                        rw -= groupRegion.GetValueOrDefault((group, region));
                        if (rw > 0.01) context += 1.2 + 0.5 * Math.Log2(1 + rw);
                    }
                    // A story set in Kentucky that mentions Paris means the French capital: the
                    // document's country and region alone count for less against a world city's
                    // small namesake, and a named region's centre is no neighbour for it; the text's
                    // own container ("Paris, Ky.") and nearby towns ("Lexington") still count in full.
                    if (worldCity >= 0 && IsSmallNamesake(e, worldCity) && !groupHasContainer[group] && !jurisdictions.Contains(region)
                        && coherence.Support(i, e) < StrongSupport)
                    {
                        context = (context + Proximity(mentions, i, e, regionsNear: false)) * WorldCityNamesakeContext;
                    }
                    else
                    {
                        context += Proximity(mentions, i, e);
                    }
                    score += context;
                    if (m.Container >= 0 && mentions[m.Container].Resolved >= 0)
                    {
                        var container = mentions[m.Container];
                        score += IsInside(e, container.Candidates[container.Resolved]) ? 4 : -1;
                    }
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }
                next[i] = best;
            }
            for (int i = 0; i < mentions.Count; i++) mentions[i].Resolved = next[i];
        }
    }

    // Who speaks for a region: "Kentucky State Police said", "New Hampshire officials said".
    private static readonly string[] AuthorityWords =
        ["police", "officials", "authorities", "investigators", "troopers", "prosecutors", "officers", "lawmakers", "governor", "gov."];

    /// <summary>
    /// The first-level regions the text names as the jurisdiction of an authority ("Illinois officials
    /// said", "Maine State Police"): a story whose state's own officials speak is set in that state, so
    /// a town there keeps its full context against a world city of its name.
    /// </summary>
    private HashSet<int> Jurisdictions(List<Mention> mentions, string text)
    {
        var regions = new HashSet<int>();
        foreach (var m in mentions)
        {
            if (m.Kind == MentionKind.Unknown || !IsFollowedByAuthority(text, m.Span.End)) continue;
            foreach (var c in m.Candidates)
            {
                if (gazetteer.KindOf(c) == PlaceKind.Region) regions.Add(c);
            }
        }
        return regions;
    }

    private static bool IsFollowedByAuthority(string text, int at)
    {
        var rest = NextWord(text, ref at);
        if (rest.Equals("state", StringComparison.OrdinalIgnoreCase)) rest = NextWord(text, ref at);
        foreach (var word in AuthorityWords)
        {
            if (rest.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    // The next space-separated word after a single space, with a trailing full stop kept ("Gov.").
    private static ReadOnlySpan<char> NextWord(string text, ref int at)
    {
        if (at >= text.Length || text[at] != ' ') return [];
        int start = ++at;
        while (at < text.Length && (char.IsLetter(text[at]) || text[at] == '.')) at++;
        var word = text.AsSpan(start, at - start);
        // "said." ends a sentence; only an abbreviation keeps its full stop.
        return word.Length > 0 && word[^1] == '.' && !word.Equals("gov.", StringComparison.OrdinalIgnoreCase) ? word[..^1] : word;
    }

    /// <summary>
    /// "in Ohio, Oregon, Utah and Washington": three or more names joined by commas and "and"/"or",
    /// each of which may name a first-level region or a country, list regions, not towns in the
    /// states beside them. Returns which mentions stand in such a list, and takes back the
    /// "Town, State" links inside it.
    /// </summary>
    private bool[] RegionLists(List<Mention> mentions, string text)
    {
        var inList = new bool[mentions.Count];
        var keptContainer = new bool[mentions.Count];
        int start = 0;
        for (int i = 1; i <= mentions.Count; i++)
        {
            if (i < mentions.Count && mentions[i].Sentence == mentions[i - 1].Sentence && IsListSeparator(text, mentions[i - 1].Span.End, mentions[i].Span.Start)) continue;
            if (i - start >= MinRegionList && AllNameRegions(mentions, start, i))
            {
                // "Officials in Washington, Beijing and Moscow", "Tokyo, Osaka and Kyoto": names of cities
                // are cities; only a list mostly of names no city holds is a list of regions.
                int cities = 0;
                for (int j = start; j < i; j++) cities += NamesCity(mentions[j]) ? 1 : 0;
                if (cities * 2 >= i - start)
                {
                    start = i;
                    continue;
                }
                for (int j = start; j < i; j++)
                {
                    var m = mentions[j];
                    if (m.Container < start || m.Container >= i) continue;
                    // "Delaware, Ohio, and Indiana, Pennsylvania": a town inside the region written after it stays that town.
                    if (HasCandidateInside(m, mentions[m.Container])) keptContainer[j] = true;
                    else m.Container = -1;
                }
                for (int j = start; j < i; j++)
                {
                    // A kept link already says town and region: no bonus for either end of it.
                    bool linked = keptContainer[j] || j > start && keptContainer[j - 1] && mentions[j - 1].Container == j;
                    inList[j] = !linked && !NamesCity(mentions[j]);
                }
            }
            start = i;
        }
        return inList;
    }

    // Whether a large town (100,000) or a capital is among the mention's candidates.
    private bool NamesCity(Mention m)
    {
        foreach (var c in m.Candidates)
        {
            if (gazetteer.KindOf(c) == PlaceKind.Place && (gazetteer.PopulationOf(c) >= SmallTownPopulation || gazetteer.FeatureCodeOf(c) is "PPLC" or "PPLA")) return true;
        }
        return false;
    }

    private bool HasCandidateInside(Mention inner, Mention outer)
    {
        foreach (var o in outer.Candidates)
        {
            if (gazetteer.KindOf(o) is not (PlaceKind.Region or PlaceKind.Country)) continue;
            foreach (var c in inner.Candidates)
            {
                if (c != o && IsInside(c, o)) return true;
            }
        }
        return false;
    }

    private bool AllNameRegions(List<Mention> mentions, int start, int end)
    {
        for (int j = start; j < end; j++)
        {
            if (mentions[j].Kind == MentionKind.Unknown) return false;
            bool region = false;
            foreach (var c in mentions[j].Candidates) region |= gazetteer.KindOf(c) is PlaceKind.Region or PlaceKind.Country;
            if (!region) return false;
        }
        return true;
    }

    /// <summary>Whether only a comma, "and", "or" or "&amp;" (any case) stands between the two offsets.</summary>
    internal static bool IsListSeparator(string text, int from, int to)
    {
        if (to <= from) return false;
        var between = text.AsSpan(from, to - from).Trim();
        if (between.Length > 0 && between[0] == ',') between = between[1..].TrimStart();
        return between.Length == 0 || between.Equals("and", StringComparison.OrdinalIgnoreCase)
            || between.Equals("or", StringComparison.OrdinalIgnoreCase) || between.SequenceEqual("&");
    }

    // Outweighs a capital's or a city's prior over a region: the text has said the name is a region.
    private const double RegionNounBonus = 10;

    private static readonly string[] RegionNouns = ["state", "province"];

    /// <summary>
    /// "the state of Washington", "the province of Sichuan": the name is the first-level region, and so
    /// is every other mention of it in the story. ("the city of X" is not the mirror image: a town of
    /// the name the gazetteer lacks would lose to a namesake abroad.)
    /// </summary>
    private void NamedByKindNoun(List<Mention> mentions, string text, SpatialCoherence coherence, double[][] priors)
    {
        for (int i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Kind != MentionKind.Name || !IsAfterNounOf(text, mentions[i].Span.Start, RegionNouns)) continue;
            // "the state of Georgia's democracy": the condition of a country, not a state of that name.
            if (IsPossessive(text, mentions[i].Span.End)) continue;
            bool Fits(int e) => gazetteer.KindOf(e) == PlaceKind.Region;
            if (!mentions[i].Candidates.Any(Fits)) continue;
            int group = coherence.GroupOf(i);
            for (int j = 0; j < mentions.Count; j++)
            {
                if (coherence.GroupOf(j) != group) continue;
                var candidates = mentions[j].Candidates;
                for (int c = 0; c < candidates.Length; c++)
                {
                    if (Fits(candidates[c])) priors[j][c] += RegionNounBonus;
                }
            }
        }
    }

    private static bool IsPossessive(string text, int end) =>
        end + 1 < text.Length && (text[end] == '\'' || text[end] == '’') && (text[end + 1] == 's' || text[end + 1] == 'S');

    // "the state of " right before the offset: one of the nouns, a single space, "of", a single space;
    // not "head of state of Mexico" or "secretary of state of Georgia", where the noun is an office's.
    private static bool IsAfterNounOf(string text, int at, string[] nouns)
    {
        if (at < 4 || !text.AsSpan(at - 4, 4).Equals(" of ", StringComparison.OrdinalIgnoreCase)) return false;
        int end = at - 4, start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        var noun = text.AsSpan(start, end - start);
        bool named = false;
        foreach (var n in nouns) named |= noun.Equals(n, StringComparison.OrdinalIgnoreCase);
        if (!named) return false;
        int previousEnd = start;
        while (previousEnd > 0 && text[previousEnd - 1] == ' ') previousEnd--;
        int previousStart = previousEnd;
        while (previousStart > 0 && char.IsLetter(text[previousStart - 1])) previousStart--;
        var previous = text.AsSpan(previousStart, previousEnd - previousStart);
        return !(previous.Equals("of", StringComparison.OrdinalIgnoreCase) || previous.Equals("heads", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// "WASHINGTON (AP) --": by wire convention a dateline without a state or country after it
    /// names the capital of that name, and so does the story's every other mention of the name.
    /// </summary>
    private void CapitalDateline(List<Mention> mentions, string text, SpatialCoherence coherence, double[][] priors)
    {
        int first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first])) first++;
        int dateline = mentions.FindIndex(m => m.Span.Start == first);
        if (dateline < 0) return;
        var span = mentions[dateline].Span;
        var name = text.AsSpan(span.Start, span.End - span.Start);
        if (!ToponymRecognizer.IsAllUpper(name)) return;
        // "MEXICO BEATS CANADA", "SINGAPORE (Reuters)": a country's name is the country, or a headline.
        foreach (var c in mentions[dateline].Candidates)
        {
            if (gazetteer.KindOf(c) == PlaceKind.Country) return;
        }
        if (!HasDatelineMarker(text, span.End)) return;
        int group = coherence.GroupOf(dateline);
        for (int i = 0; i < mentions.Count; i++)
        {
            if (coherence.GroupOf(i) != group) continue;
            var candidates = mentions[i].Candidates;
            for (int c = 0; c < candidates.Length; c++)
            {
                int e = candidates[c];
                if (gazetteer.KindOf(e) == PlaceKind.Place && gazetteer.FeatureCodeOf(e) == "PPLC" && gazetteer.PopulationOf(e) >= CapitalPopulation) priors[i][c] += CapitalDatelineBonus;
            }
        }
    }

    /// <summary>
    /// What follows a dateline by wire convention: "(AP)", "--", a dash, or a comma and a date
    /// ("WASHINGTON, Dec. 5 (Reuters) -"); a comma and anything else is a state or country
    /// ("PARIS, Tenn."), and a word is a headline ("MEXICO BEATS CANADA").
    /// </summary>
    private static bool HasDatelineMarker(string text, int at)
    {
        while (at < text.Length && text[at] == ' ') at++;
        if (at >= text.Length) return false;
        char next = text[at];
        if (next is '(' or '\u2014' or '\u2013') return true;
        if (next == '-') return at + 1 < text.Length && (text[at + 1] is '-' or ' ');
        if (next != ',') return false;
        at++;
        while (at < text.Length && text[at] == ' ') at++;
        int end = at;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        var word = text.AsSpan(at, end - at);
        return word.Length >= 3 && IsMonthWord(word);
    }

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // "Dec", "December", "Sept": a month's name or its abbreviation, not another word that begins like one ("Mayfield").
    private static bool IsMonthWord(ReadOnlySpan<char> word)
    {
        foreach (var month in MonthNames)
        {
            if (word.Length <= month.Length && month.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The largest national capital (of at least 100,000 people) or town of five million the mention may name, or -1.</summary>
    public static int WorldCity(Gazetteer gazetteer, Mention m)
    {
        int best = -1;
        foreach (var c in m.Candidates)
        {
            if (gazetteer.KindOf(c) != PlaceKind.Place) continue;
            long population = gazetteer.PopulationOf(c);
            if (population < WorldCityPopulation && !(gazetteer.FeatureCodeOf(c) == "PPLC" && population >= CapitalPopulation)) continue;
            if (best < 0 || population > gazetteer.PopulationOf(best)) best = c;
        }
        return best;
    }

    private bool IsSmallNamesake(int candidate, int worldCity) =>
        candidate != worldCity
        && gazetteer.KindOf(candidate) is PlaceKind.Place or PlaceKind.District
        && gazetteer.CountryEntryOf(candidate) != gazetteer.CountryEntryOf(worldCity)
        && gazetteer.PopulationOf(candidate) * 10 < gazetteer.PopulationOf(worldCity)
        && gazetteer.PopulationOf(candidate) < SmallTownPopulation;

    private bool HasNamesakeRegionElsewhere(Mention m, int place)
    {
        int ownRegion = gazetteer.RegionEntryOf(place);
        foreach (var c in m.Candidates)
        {
            if (gazetteer.KindOf(c) == PlaceKind.Region && c != ownRegion && gazetteer.CountryEntryOf(c) == gazetteer.CountryEntryOf(place)) return true;
        }
        return false;
    }

    // How much a resolved mention says about its country and region: a named country or region says more than a town.
    private double Evidence(Mention m, int entry) => gazetteer.KindOf(entry) switch
    {
        PlaceKind.Country => m.Kind == MentionKind.Adjective ? 0.7 : 1.5,
        PlaceKind.Region => 1.5,
        PlaceKind.District => 1.2,
        PlaceKind.Area => 0,
        _ => 1,
    };

    private double Prior(int e)
    {
        var kind = gazetteer.KindOf(e);
        double population = gazetteer.PopulationOf(e);
        switch (kind)
        {
            case PlaceKind.Country: return 7 + 0.1 * Math.Log10(population + 1000);
            case PlaceKind.Area: return 5.5;
            case PlaceKind.Region: return PopulationWeight * Math.Log10(population + 1000) + 0.8;
            case PlaceKind.District: return PopulationWeight * Math.Log10(population + 1000) + 0.1;
        }
        double prior = PopulationWeight * Math.Log10(population + 300);
        var code = gazetteer[e].FeatureCode;
        prior += code switch
        {
            "PPLC" => 1.5,
            "PPLA" => 0.6,
            "PPLA2" => 0.3,
            "PPLX" => -0.5,
            "PPLH" or "PPLQ" or "PPLW" => -2,
            _ => 0,
        };
        return prior;
    }

    // "Athens, Georgia": the container is the region that holds one of the contained name's candidates.
    private double ContainedBonus(List<Mention> mentions, int index, int candidate)
    {
        var kind = gazetteer.KindOf(candidate);
        if (kind is PlaceKind.Place) return 0;
        double bonus = 0;
        for (int j = Math.Max(0, index - 2); j < mentions.Count && j <= index + 2; j++)
        {
            if (mentions[j].Container != index) continue;
            foreach (var inner in mentions[j].Candidates)
            {
                if (inner != candidate && IsInside(inner, candidate))
                {
                    bonus = 3;
                    break;
                }
            }
        }
        return bonus;
    }

    private bool IsInside(int inner, int outer)
    {
        if (inner == outer) return true;
        var o = gazetteer[outer];
        var i = gazetteer[inner];
        return o.Kind switch
        {
            PlaceKind.Country => i.CountryCode == o.CountryCode,
            PlaceKind.Region or PlaceKind.District => i.CountryCode == o.CountryCode && i.Admin1Code == o.Admin1Code,
            PlaceKind.Area => GeoMath.DistanceKm(i.Latitude, i.Longitude, o.Latitude, o.Longitude) < 3000,
            _ => GeoMath.DistanceKm(i.Latitude, i.Longitude, o.Latitude, o.Longitude) < 40,
        };
    }

    // Places named together are usually near each other: reward a candidate close to another
    // mention's current choice in the same or a neighbouring sentence.
    // regionsNear: whether a named region's centre counts as a neighbour.
    private double Proximity(List<Mention> mentions, int index, int e, bool regionsNear = true)
    {
        var m = mentions[index];
        if (gazetteer.KindOf(e) is PlaceKind.Country or PlaceKind.Area) return 0;
        double lat = gazetteer.LatitudeOf(e), lon = gazetteer.LongitudeOf(e);
        double best = double.MaxValue;
        int looked = 0;
        for (int step = 1; step <= 12 && looked < 8; step++)
        {
            foreach (int j in (ReadOnlySpan<int>)[index - step, index + step])
            {
                if (j < 0 || j >= mentions.Count) continue;
                var other = mentions[j];
                if (Math.Abs(other.Sentence - m.Sentence) > 1 || other.Resolved < 0) continue;
                int oe = other.Candidates[other.Resolved];
                if (gazetteer.KindOf(oe) is PlaceKind.Country or PlaceKind.Area || (!regionsNear && gazetteer.KindOf(oe) == PlaceKind.Region) || oe == e) continue;
                if (gazetteer.NameOf(oe) == gazetteer.NameOf(e)) continue;
                looked++;
                best = Math.Min(best, GeoMath.ApproximateDistanceKm(lat, lon, gazetteer.LatitudeOf(oe), gazetteer.LongitudeOf(oe)));
            }
        }
        return best < 50 ? 1.2 : best < 200 ? 0.8 : best < 500 ? 0.3 : 0;
    }

    private static int ArgMax(double[] values)
    {
        int best = -1;
        double max = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > max)
            {
                max = values[i];
                best = i;
            }
        }
        return best;
    }

    private static void Add<TKey>(Dictionary<TKey, double> map, TKey key, double weight) where TKey : notnull
    {
        if (key is string s && s.Length == 0) return;
        map[key] = map.GetValueOrDefault(key) + weight;
    }
}

/// <summary>
/// For each candidate, how many other names of the document could be near it: "Paris" and
/// "Henry County" both have candidates in Tennessee, which makes both the Tennessee ones likely.
/// Uses a one-degree grid, so the cost is linear in the number of candidates.
/// </summary>
internal sealed class SpatialCoherence
{
    private const int MaxCandidatesPerGroup = 20;

    // "Moscow" and "Paris" side by side mean Russia and France, not two neighbouring towns in Maine.
    private const double WorldCityNameWeight = 0.25;

    private readonly Gazetteer _gazetteer;
    private readonly int[] _groupOf;
    private readonly Dictionary<(int, int), List<int>> _cells = [];
    private readonly Dictionary<int, List<int>> _regions = [];
    private readonly double[] _groupWeight;
    private readonly int[] _stamp;
    private int _query;

    public SpatialCoherence(Gazetteer gazetteer, List<Mention> mentions, string text)
    {
        _gazetteer = gazetteer;
        _groupOf = new int[mentions.Count];
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var sizes = new List<int>();
        var countryNames = new List<int>();
        var worldCityNames = new List<int>();
        for (int i = 0; i < mentions.Count; i++)
        {
            var name = PlaceNames.Fold(mentions[i].Span.Of(text));
            if (!groups.TryGetValue(name, out int g))
            {
                g = groups.Count;
                groups[name] = g;
                sizes.Add(mentions[i].Candidates.Length);
                if (mentions[i].Candidates.Any(c => gazetteer.KindOf(c) == PlaceKind.Country)) countryNames.Add(g);
                if (PlaceResolver.WorldCity(gazetteer, mentions[i]) >= 0) worldCityNames.Add(g);
                foreach (var c in mentions[i].Candidates) Index(c, g);
            }
            _groupOf[i] = g;
        }
        // A name with hundreds of candidates ("Washington", "Springfield") is near everything; it counts for less.
        _groupWeight = sizes.Select(n => n <= MaxCandidatesPerGroup ? 1.0 : (double)MaxCandidatesPerGroup / n).ToArray();
        // A country's name means the country: its namesake towns ("Russia, Ohio", "Poland, Maine") vouch for no neighbour.
        foreach (var g in countryNames) _groupWeight[g] = 0;
        foreach (var g in worldCityNames) _groupWeight[g] *= WorldCityNameWeight;
        _stamp = new int[groups.Count];
    }

    private void Index(int c, int group)
    {
        var kind = _gazetteer.KindOf(c);
        if (kind is PlaceKind.Country or PlaceKind.Area) return;
        int region = _gazetteer.RegionEntryOf(c);
        if (region >= 0) AddTo(_regions, region, group);
        if (kind == PlaceKind.Region) return;
        AddTo(_cells, Cell(_gazetteer.LatitudeOf(c), _gazetteer.LongitudeOf(c)), group);
    }

    private static void AddTo<TKey>(Dictionary<TKey, List<int>> map, TKey key, int group) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (list.Count == 0 || list[^1] != group) list.Add(group);
    }

    private static (int, int) Cell(double lat, double lon) => ((int)Math.Floor(lat), (int)Math.Floor(lon));

    /// <summary>Mentions with the same folded surface form share a group.</summary>
    public int GroupOf(int mention) => _groupOf[mention];

    /// <summary>log2(1 + weighted count of other names with a candidate near, or inside, <paramref name="candidate"/>).</summary>
    public double Support(int mention, int candidate)
    {
        var kind = _gazetteer.KindOf(candidate);
        if (kind is PlaceKind.Country or PlaceKind.Area) return 0;
        _query++;
        int own = _groupOf[mention];
        double support = 0;
        if (kind == PlaceKind.Region)
        {
            if (_regions.TryGetValue(candidate, out var inside)) support += Count(inside, own);
            return Math.Log2(1 + support);
        }
        var (cy, cx) = Cell(_gazetteer.LatitudeOf(candidate), _gazetteer.LongitudeOf(candidate));
        for (int dy = -1; dy <= 1; dy++)
        {
            for (int dx = -1; dx <= 1; dx++)
            {
                if (_cells.TryGetValue((cy + dy, cx + dx), out var near)) support += Count(near, own);
            }
        }
        return Math.Log2(1 + support);
    }

    private double Count(List<int> groups, int own)
    {
        double sum = 0;
        foreach (var g in groups)
        {
            if (g == own || _stamp[g] == _query) continue;
            _stamp[g] = _query;
            sum += _groupWeight[g];
        }
        return sum;
    }
}

/// <summary>Great-circle distance.</summary>
public static class GeoMath
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Equirectangular approximation: within a few percent up to ~1,000 km, much cheaper than <see cref="DistanceKm"/>.</summary>
    public static double ApproximateDistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        double toRadians = Math.PI / 180;
        double dLon = Math.Abs(lon2 - lon1);
        if (dLon > 180) dLon = 360 - dLon;
        double x = dLon * toRadians * Math.Cos((lat1 + lat2) * 0.5 * toRadians);
        double y = (lat2 - lat1) * toRadians;
        return EarthRadiusKm * Math.Sqrt(x * x + y * y);
    }

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        double toRadians = Math.PI / 180;
        double dLat = (lat2 - lat1) * toRadians, dLon = (lon2 - lon1) * toRadians;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * toRadians) * Math.Cos(lat2 * toRadians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
