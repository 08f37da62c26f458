using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Places;
using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;

namespace Crosscheck.Events;

/// <summary>Everything the event rules read; the optional layers are empty when their stage did not run.</summary>
internal sealed record EventInputs(
    string Text,
    ImmutableArray<Token> Tokens,
    ImmutableArray<Sentence> Sentences,
    ImmutableArray<Attribution> Claims,
    ImmutableArray<TimeExpression> Times,
    ImmutableArray<Quantity> Quantities,
    ImmutableArray<ResolvedPlace> Places,
    EntityLayer Entities,
    DateOnly ReferenceDate,
    bool ReferenceDateAssumed = false);

/// <summary>An armed actor mention: "North Korean troops", "units from the DPRK", "Ukraine's army".</summary>
internal readonly record struct ActorMention(Span Span, string Country)
{
    public string Name => $"Military Forces of {Country}";
}

/// <summary>
/// Reads ACLED-style events sentence by sentence: a trigger from the lexicon, checked against the
/// participants the sentence names (armed actors, casualties, places), then date, place, casualty
/// counts and the claims that state it. One event per sentence and event type.
/// </summary>
internal sealed class EventExtractor
{
    private readonly EventLexicon _lexicon;

    public EventExtractor(EventLexicon lexicon) => _lexicon = lexicon;

    public ImmutableArray<NewsEvent> Extract(EventInputs input)
    {
        var v = new TokenView(input.Text, input.Tokens);
        var paragraphOf = HedgeScoper.ParagraphOfSentences(input.Text, input.Sentences);
        var allies = new HashSet<(string, string)>();
        var countryMentions = new List<ActorMention>();
        var actors = FindActors(v, input, allies, countryMentions);
        var articleCountries = actors.GroupBy(a => a.Country).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var events = ImmutableArray.CreateBuilder<NewsEvent>();
        var casualties = new List<CasualtyCount>();
        for (int s = 0; s < input.Sentences.Length; s++)
        {
            var sentence = input.Sentences[s];
            int first = sentence.FirstToken, end = first + sentence.TokenCount;
            string? lastType = null;
            for (int t = first; t < end; t++)
            {
                if (input.Tokens[t].Kind != TokenKind.Word) continue;
                if (!TryTrigger(v, t, end, out var trigger, out int last)) continue;
                if (trigger.EventType == lastType) continue;
                if (IsHypothetical(v, t, first) || IsGenericCauseOfDeath(v, t, last, first, end))
                {
                    t = last;
                    continue;
                }
                var sentenceActors = ActorsIn(actors, sentence.Span, input.Claims);
                if (sentenceActors.Count == 0)
                {
                    // "North Korea has deployed ...", "Russia shelled ...": a state named before the trigger acts through its forces.
                    sentenceActors = ActorsIn(countryMentions, new Span(sentence.Span.Start, v.Tokens[t].Span.Start), input.Claims);
                }
                casualties.Clear();
                if (NewsEvent.CountsCasualties(trigger.EventType)) CollectCasualties(v, input, s, paragraphOf, casualties);
                var place = PlaceIn(input, v, sentence.Span);
                bool armedSide = Names(v, first, end, _lexicon.ArmedSideLookup);
                bool hasAny = sentenceActors.Count > 0 || casualties.Count > 0 || place.Span is not null || armedSide;
                if (trigger.Needs == TriggerNeeds.Actor && sentenceActors.Count == 0) continue;
                if (trigger.Needs == TriggerNeeds.Any && !hasAny) continue;
                // "Firefighters fought the blaze", "the Colts won the turnover battle": ACLED's battles are between armed,
                // organised sides, so a battle word needs a state's forces, an armed side or a toll in its sentence.
                if (trigger.EventType == "Battles" && sentenceActors.Count == 0 && casualties.Count == 0 && !armedSide) continue;
                // "Protesters fought running battles with riot police": ACLED codes demonstrators fighting the police as a
                // violent demonstration, and a battle only between armed, organised sides; a state's forces or an armed side other
                // than the police ("men loyal to the militia") named keep it a battle.
                if (trigger.EventType == "Battles" && sentenceActors.Count == 0 && Names(v, first, end, _lexicon.CrowdLookup)
                    && !NamesArmedSideBesidesPolice(v, first, end))
                {
                    trigger = trigger with { EventType = "Riots", SubEventType = "Violent demonstration" };
                }
                var built = Build(input, v, s, trigger, v.Range(t, last), sentenceActors, casualties, place, articleCountries, allies);
                if (IsPracticeNotOccurrence(v, t, first) && !IsPinnedDown(built))
                {
                    t = last;
                    continue;
                }
                events.Add(built);
                lastType = trigger.EventType;
                t = last;
            }
        }
        return events.ToImmutable();
    }

    /// <summary>
    /// "Russia could extend its deployment", "troops may have been killed", "Pyongyang will send more troops":
    /// a possibility or a plan is not an event that happened, so ACLED records none. A modal within the three
    /// words before the trigger, in the same clause, marks it; an event told after the modal's own verb
    /// ("said it would retaliate for the shelling") lies outside that window and stays.
    /// </summary>
    private static bool IsHypothetical(TokenView v, int trigger, int sentenceStart)
    {
        for (int k = trigger - 1; k >= sentenceStart && k >= trigger - 3; k--)
        {
            if (!v.IsWord(k)) return false;
            // Lower case only: "In May clashes erupted" names the month.
            if (Modals.Contains(v.Word(k))) return true;
        }
        return false;
    }

    /// <summary>
    /// "to disguise the identities of soldiers killed in combat.": how some soldiers died, told as a reduced
    /// relative clause closing the sentence, not a clash the sentence reports. A finite verb ("were later killed
    /// in action"), a subject at the head of the sentence ("Two soldiers killed in action, ministry says"), or
    /// anything after the phrase ("killed in combat Tuesday near Bakhmut") keeps the event.
    /// </summary>
    private static bool IsGenericCauseOfDeath(TokenView v, int trigger, int last, int sentenceStart, int end)
    {
        if (last != trigger + 2 || !v.Is(trigger + 1, "in") || !CasualtyParticiples.Contains(v.Word(trigger))) return false;
        if (last + 1 < end && !(v.IsPunct(last + 1, '.') || v.IsPunct(last + 1, ';'))) return false;
        if (trigger - sentenceStart <= 3) return false;
        for (int k = trigger - 1; k >= sentenceStart && k >= trigger - 3; k--)
        {
            if (FiniteAuxiliaries.Contains(v.Word(k))) return false;
        }
        return true;
    }

    /// <summary>Whether any word of the sentence is one of <paramref name="words"/>.</summary>
    private bool NamesArmedSideBesidesPolice(TokenView v, int first, int end)
    {
        for (int k = first; k < end; k++)
        {
            if (v.IsWord(k) && _lexicon.ArmedSideLookup.Contains(v.Word(k)) && !_lexicon.PoliceLookup.Contains(v.Word(k))) return true;
        }
        return false;
    }

    private static bool Names(TokenView v, int first, int end, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> words)
    {
        for (int k = first; k < end; k++)
        {
            if (v.IsWord(k) && words.Contains(v.Word(k))) return true;
        }
        return false;
    }

    /// <summary>
    /// "Russia has begun to use North Korean soldiers in assaults", "with some of them engaging in combat": who takes part
    /// in a kind of fighting, told of a practice, not of one clash, so ACLED codes no event for it. The trigger is a bare
    /// noun (or a plural after "their", "Russian") governed by "in" after a verb of using or taking part in the same clause.
    /// "used in the attack on the depot" names one attack and stays.
    /// </summary>
    private static bool IsPracticeNotOccurrence(TokenView v, int trigger, int sentenceStart)
    {
        int k = trigger - 1;
        bool modified = false;
        while (k > sentenceStart && (PracticeModifiers.Contains(v.Word(k)) || v.IsCapitalized(k) && v.IsWord(k - 1) && !v.IsCapitalized(k - 1)))
        {
            modified = true;
            k--;
        }
        if (!v.Is(k, "in") || !char.IsLower(v.Word(k)[0])) return false;
        var noun = v.Word(trigger);
        if (modified && !noun.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !MassFightingNouns.Contains(noun)) return false;
        for (int j = k - 1; j >= sentenceStart && j >= k - 12; j--)
        {
            if (v.IsPunct(j, ',') || v.IsPunct(j, ';') || v.IsPunct(j, ':') || v.Is(j, "that") || v.Is(j, "which")) return false;
            if (!v.IsWord(j)) continue;
            if (PracticeVerbs.Contains(v.Word(j))) return true;
            if (v.Is(j, "part") && (v.Is(j - 1, "take") || v.Is(j - 1, "taking") || v.Is(j - 1, "took") || v.Is(j - 1, "takes") || v.Is(j - 1, "taken"))) return true;
        }
        return false;
    }

    /// <summary>
    /// A date the text gives (not only the day of the report), a toll, a town or the villages it happened near make even
    /// a practice statement tell of one clash ("troops were engaged in fighting with rebels near the town of Gao").
    /// </summary>
    private static bool IsPinnedDown(NewsEvent e) =>
        e.Date is not null && e.Precision != DatePrecision.Week || e.Fatalities is not null || e.Wounded is not null || e.KilledOrWounded is not null
        || !e.NearPlaces.IsDefaultOrEmpty || e.Location is { Precision: PlacePrecision.Exact or PlacePrecision.Nearby };

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PracticeVerbs = FrozenSet.ToFrozenSet(
        ["use", "uses", "used", "using", "deploy", "deploys", "deployed", "deploying", "involve", "involves", "involved", "involving",
         "engage", "engages", "engaged", "engaging", "participate", "participates", "participated", "participating"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PracticeModifiers =
        FrozenSet.ToFrozenSet(["their", "its", "his", "her", "our", "active", "direct", "frontline", "front-line", "ground"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MassFightingNouns =
        FrozenSet.ToFrozenSet(["combat", "fighting", "warfare", "action", "hostilities"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FiniteAuxiliaries =
        FrozenSet.ToFrozenSet(["was", "were", "been", "be", "being", "is", "are", "had", "has", "have", "got", "get"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CasualtyParticiples =
        FrozenSet.ToFrozenSet(["killed", "died", "wounded", "injured", "lost", "fallen", "fell", "perished"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Modals =
        FrozenSet.ToFrozenSet(["could", "might", "may", "would", "will", "should", "can", "'ll", "’ll"], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private bool TryTrigger(TokenView v, int t, int end, out EventTrigger trigger, out int last)
    {
        trigger = null!;
        last = t;
        if (_lexicon.TriggerLookup.TryGetValue(v.Word(t), out var candidates))
        {
            foreach (var c in candidates)
            {
                if (Matches(v, t, end, c, out last))
                {
                    trigger = c;
                    return true;
                }
            }
        }
        var word = v.Word(t);
        if (word.Length >= 3 && _lexicon.PrefixLookup.TryGetValue(word[..3], out var prefixed))
        {
            foreach (var c in prefixed)
            {
                if (word.StartsWith(c.Words[0], StringComparison.OrdinalIgnoreCase))
                {
                    trigger = c;
                    last = t;
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Matches(TokenView v, int t, int end, EventTrigger trigger, out int last)
    {
        last = t + trigger.Words.Length - 1;
        if (last >= end) return false;
        for (int w = 0; w < trigger.Words.Length; w++)
        {
            bool isLast = w == trigger.Words.Length - 1;
            var word = v.Word(t + w);
            bool ok = isLast && trigger.LastIsPrefix
                ? word.StartsWith(trigger.Words[w], StringComparison.OrdinalIgnoreCase)
                : word.Equals(trigger.Words[w], StringComparison.OrdinalIgnoreCase);
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>Country names and demonyms next to a force noun ("North Korean troops", "units from the DPRK").</summary>
    private List<ActorMention> FindActors(TokenView v, EventInputs input, HashSet<(string, string)> allies, List<ActorMention> countryMentions)
    {
        var found = new List<ActorMention>();
        for (int t = 0; t < v.Count; t++)
        {
            if (!v.IsWord(t) || !_lexicon.ActorLookup.TryGetValue(v.Word(t), out var names)) continue;
            foreach (var (words, country, self) in names)
            {
                int last = t + words.Length - 1;
                bool match = last < v.Count;
                for (int w = 1; w < words.Length && match; w++) match = v.Is(t + w, words[w]);
                if (!match) continue;
                // "US" as a pronoun ("told us") is not the United States.
                if (v.Word(t).SequenceEqual("us")) break;
                int force = self ? t : FindForceNoun(v, t, last);
                if (force >= 0)
                {
                    found.Add(new ActorMention(v.Range(Math.Min(t, force), Math.Max(last, force)), country));
                }
                countryMentions.Add(new ActorMention(v.Range(t, last), country));
                t = last;
                break;
            }
        }
        // Alliances the report states ("North Korean troops fighting for Russia", "sent to reinforce Russian forces").
        foreach (var a in found)
        {
            foreach (var b in countryMentions)
            {
                if (b.Country == a.Country || b.Span.Start <= a.Span.End || b.Span.Start - a.Span.End > 80) continue;
                if (v.Tokens.Length > 0 && SameSentence(v, a.Span, b.Span) && OnSameSide(v, a.Span, b.Span))
                {
                    allies.Add((a.Country, b.Country));
                    allies.Add((b.Country, a.Country));
                }
            }
        }
        return found;
    }

    private static bool SameSentence(TokenView v, Span a, Span b) =>
        !v.Text.AsSpan(a.End, b.Start - a.End).ContainsAny(".\n");

    private int FindForceNoun(TokenView v, int first, int last)
    {
        // after: "North Korean (special) troops", "Ukraine's armed forces"
        for (int k = last + 1; k < v.Count && k <= last + 3; k++)
        {
            if (_lexicon.ForceLookup.Contains(v.Word(k))) return k;
            if (!v.IsWord(k)) break;
        }
        // before: "units from the People's Republic of Korea (DPRK)", "troops of North Korea"
        for (int k = first - 1; k >= 0 && k >= first - 12; k--)
        {
            if (v.Tokens[k].Sentence != v.Tokens[first].Sentence) break;
            if (_lexicon.ForceLookup.Contains(v.Word(k)) && (v.Is(k + 1, "from") || v.Is(k + 1, "of"))) return k;
            if (v.IsPunct(k, ',') || v.IsPunct(k, '.')) break;
        }
        return -1;
    }

    /// <summary>Actors mentioned in the sentence, except inside a claim's source ("Ukraine's military intelligence told ...").</summary>
    private static List<ActorMention> ActorsIn(List<ActorMention> actors, Span sentence, ImmutableArray<Attribution> claims)
    {
        var result = new List<ActorMention>();
        foreach (var a in actors)
        {
            if (!sentence.Contains(a.Span)) continue;
            bool isSource = false;
            foreach (var c in claims)
            {
                // A speaker is not a participant; the subject of a learned stance cue ("Ukrainian drones attacked") may be.
                if (c.Kind != AttributionKind.Other && c.Source is { } src && src.Overlaps(a.Span)) { isSource = true; break; }
            }
            if (!isSource) result.Add(a);
        }
        return result;
    }

    private static void CollectCasualties(TokenView v, EventInputs input, int s, int[] paragraphOf, List<CasualtyCount> into)
    {
        // The counts of the event's sentence, else of the next sentence in the same paragraph.
        for (int k = s; k < input.Sentences.Length && k <= s + 1; k++)
        {
            if (k > s && paragraphOf[k] != paragraphOf[s]) break;
            var sentence = input.Sentences[k];
            foreach (var q in input.Quantities)
            {
                if (q.Casualty is not { } kind || !sentence.Span.Contains(q.Span) || q.Min is not { } min) continue;
                into.Add(new CasualtyCount(q.Span, (int)Math.Min(min, int.MaxValue), kind, q.Max is null || q.Max > q.Min));
            }
            // The quantities layer decides where it saw casualties; where it saw none (or is absent) the built-in scanner looks.
            if (into.Count == 0) CasualtyScanner.Scan(v, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount, into);
            if (into.Count > 0) return;
        }
    }

    /// <summary>
    /// Where the sentence places the event: its finest place, except a speaker ("Kyiv said") or a demonym
    /// ("Russian troops"); "the Kursk region" and "the region of Kursk" name the region, not its capital. An
    /// exact place that lies outside the region the same sentence names for its neighbours is a namesake
    /// elsewhere ("near Plekhovo, Vorozhba in the Kursk region", with another Vorozhba in Sumy): then the
    /// event is placed at the region and the villages are kept as the places it happened near.
    /// </summary>
    private static (Span? Span, ResolvedPlace? Resolved, ImmutableArray<Span> Near) PlaceIn(EventInputs input, TokenView v, Span sentence)
    {
        var candidates = new List<ResolvedPlace>();
        foreach (var p in input.Places)
        {
            if (!sentence.Contains(p.Span)) continue;
            // "soldiers from North Korea": where the fighters come from; "the war against Ukraine": whom they fight. Neither is where it happens.
            if (IsInSource(input.Claims, p.Span) || IsDemonym(input.Text, p)
                || p.Precision == PlacePrecision.Country && (PrecededBy(input.Text, p.Span, "from") || PrecededBy(input.Text, p.Span, "against"))
                || p.Precision == PlacePrecision.Country && IsPossessorOnly(input.Text, p.Span)
                || IsCapitalSpeakingForItsState(input.Text, p)) continue;
            candidates.Add(NamesRegion(v, p) ? p with { Name = p.Admin1!, Precision = PlacePrecision.Region } : p);
        }
        if (candidates.Count == 0) return (null, null, []);
        var regions = new HashSet<(string?, string?)>();
        foreach (var p in candidates) if (p.Precision == PlacePrecision.Region && p.Admin1 is not null) regions.Add((p.CountryCode, p.Admin1));
        ResolvedPlace? best = null;
        var near = ImmutableArray.CreateBuilder<Span>();
        bool namesakes = false;
        foreach (var p in candidates)
        {
            bool finer = p.Precision is PlacePrecision.Exact or PlacePrecision.Nearby;
            if (finer && regions.Count > 0 && !regions.Contains((p.CountryCode, p.Admin1)))
            {
                namesakes = true;
                near.Add(p.Span);
                continue;
            }
            if (best is null || p.Precision < best.Precision || p.Precision == best.Precision && IsRegionItself(p) && !IsRegionItself(best)) best = p;
        }
        if (best is null) return (null, null, []);
        // "near Plekhovo, Vorozhba, Martynovka in the Kursk region": villages the gazetteer lacks were placed at the
        // region the sentence names, so they are where it happened near, as namesakes elsewhere are.
        bool villagesOfNamedRegion = best.Precision == PlacePrecision.Region && candidates.Any(r => IsRegionItself(r)
            && candidates.Any(p => p.Precision == PlacePrecision.Region && !IsRegionItself(p) && p.Admin1 == r.Admin1 && p.CountryCode == r.CountryCode));
        if (namesakes || villagesOfNamedRegion)
        {
            // The event sits at the region; the villages the sentence lists are where it happened near.
            var region = candidates.Where(p => p.Precision == PlacePrecision.Region && regions.Contains((p.CountryCode, p.Admin1)))
                .OrderByDescending(IsRegionItself).First();
            foreach (var p in candidates)
            {
                if (p != region && p.Precision != PlacePrecision.Country && !IsRegionItself(p) && !near.Contains(p.Span)) near.Add(p.Span);
            }
            near.Sort();
            return (region.Span, region, near.ToImmutable());
        }
        return (best.Span, best, []);
    }

    /// <summary>
    /// "a meeting with Russia's visiting defence minister", "support for Russia's war effort": a country
    /// written as a possessor says whose person or thing it is, not where the event happens. After a
    /// locative ("in Russia's border areas"), or when what it owns is a piece of its ground ("hit
    /// Ukraine's capital", "struck Iran's nuclear sites", "on Russia's border"), the phrase is a location after all.
    /// </summary>
    private static bool IsPossessorOnly(string text, Span span) =>
        IsPossessiveOutsideLocative(text, span) && !OwnsAny(text, span.End + 2, PlaceNouns);

    /// <summary>"Russia's ..." not after a locative ("in Russia's ..."): the name owns what follows it.</summary>
    private static bool IsPossessiveOutsideLocative(string text, Span span)
    {
        if (span.End + 2 > text.Length || !(text[span.End] is '\'' or '’') || text[span.End + 1] is not ('s' or 'S')) return false;
        foreach (var locative in Locatives) if (PrecededBy(text, span, locative)) return false;
        return true;
    }

    /// <summary>
    /// "Moscow's war", "Pyongyang's troops", "Kyiv's allies": a capital whose possessive owns a matter of
    /// state is written for its state (the alias table says which capitals are), so it places nothing.
    /// What else a capital owns is the city's ("Moscow's metro", "Kyiv's power grid", "Paris's cathedral").
    /// </summary>
    private static bool IsCapitalSpeakingForItsState(string text, ResolvedPlace p)
    {
        var span = p.Span;
        return p.Precision is PlacePrecision.Exact or PlacePrecision.Nearby
            && IsPossessiveOutsideLocative(text, span)
            && OwnsAny(text, span.End + 2, StateMatters)
            && AliasTable.Default.StandsForAnotherAs(span.SliceOf(text).ToString(), EntityType.Organization);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StateMatters = FrozenSet.ToFrozenSet(
    [
        "war", "wars", "invasion", "offensive", "aggression", "troops", "forces", "army", "military", "allies", "ally",
        "partners", "envoy", "envoys", "diplomats", "government", "regime", "leadership", "policy", "support", "backing",
        "claims", "aims", "ambitions", "demands", "stance", "position", "response", "threats", "interests", "sanctions",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "to" is no locative of its own: "a threat to Russia's security" names no place; "to Russia's border" owns ground.
    private static readonly string[] Locatives = ["in", "inside", "into", "across", "near", "at", "within", "throughout", "along"];

    // The first three words after the possessive, within the clause: "Russia's western Kursk border region".
    private static bool OwnsAny(string text, int from, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> nouns)
    {
        int k = from;
        for (int word = 0; word < 3; word++)
        {
            while (k < text.Length && text[k] == ' ') k++;
            int start = k;
            while (k < text.Length && (char.IsLetter(text[k]) || text[k] == '-')) k++;
            if (k == start) return false;
            if (nouns.Contains(text.AsSpan(start, k - start))) return true;
        }
        return false;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceNouns = FrozenSet.ToFrozenSet(
    [
        "capital", "border", "borders", "region", "regions", "territory", "territories", "east", "west", "north", "south",
        "northeast", "northwest", "southeast", "southwest", "coast", "coastline", "airspace", "soil", "front", "frontline",
        "site", "sites", "province", "provinces", "cities", "villages", "port", "ports", "waters", "base", "bases",
        "outskirts", "suburbs", "streets", "centre", "center", "district", "districts", "airport", "airports",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsRegionItself(ResolvedPlace p) => p.Precision == PlacePrecision.Region && p.Name == p.Admin1;

    private static bool IsInSource(ImmutableArray<Attribution> claims, Span span)
    {
        foreach (var c in claims) if (c.Source is { } source && source.Contains(span)) return true;
        return false;
    }

    /// <summary>"Russian", "North Koreans": a country place written as its people's name locates nothing.</summary>
    /// <remarks>
    /// The places stage says when it read the word as a demonym; the plural people's names it may
    /// read as the country ("North Koreans") are caught by their ending. "Britain" and "Russian
    /// Federation" are names of the country, not of its people.
    /// </remarks>
    private static bool IsDemonym(string text, ResolvedPlace p)
    {
        if (p.Precision != PlacePrecision.Country) return false;
        if (p.WrittenAsDemonym) return true;
        var written = p.Span.SliceOf(text);
        if (written.Equals(p.Name, StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var ending in PluralDemonymEndings) if (written.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] PluralDemonymEndings = ["ns", "is", "ese"];

    /// <summary>"the Kursk region", "Kursk Oblast", "the region of Kursk": the mention names the first-level region.</summary>
    private static bool NamesRegion(TokenView v, ResolvedPlace p)
    {
        if (p.Admin1 is null || p.Precision != PlacePrecision.Exact) return false;
        int first = v.FirstEndingAfter(p.Span.Start), last = first;
        if (first < 0 || v.Tokens[first].Span.Start != p.Span.Start) return false;
        while (last + 1 < v.Count && v.Tokens[last + 1].Span.End <= p.Span.End) last++;
        // "the Kursk border region", "the Kharkiv frontier province" name the region as "the Kursk region" does.
        bool borderRegion = (v.Is(last + 1, "border") || v.Is(last + 1, "frontier")) && IsRegionNoun(v, last + 2);
        return IsRegionNoun(v, last + 1) || borderRegion || IsRegionNoun(v, first - 2) && v.Is(first - 1, "of");
    }

    private static bool IsRegionNoun(TokenView v, int t) =>
        v.Is(t, "region") || v.Is(t, "oblast") || v.Is(t, "province") || v.Is(t, "governorate") || v.Is(t, "krai");

    private static NewsEvent Build(EventInputs input, TokenView v, int s, EventTrigger trigger, Span triggerSpan,
        List<ActorMention> actors, List<CasualtyCount> casualties, (Span? Span, ResolvedPlace? Resolved, ImmutableArray<Span> Near) place, List<string> articleCountries,
        HashSet<(string, string)> allies)
    {
        var sentence = input.Sentences[s];
        string? actor1 = null, actor2 = null;
        var associated = ImmutableArray.CreateBuilder<string>();
        var countries = new List<string>();
        for (int i = 0; i < actors.Count; i++)
        {
            var a = actors[i];
            if (countries.Contains(a.Country)) continue;
            if (actor1 is null)
            {
                actor1 = a.Name;
            }
            else if (actor2 is null && !OnSameSide(v, actors[i - 1].Span, a.Span) && !countries.Any(c => allies.Contains((c, a.Country))))
            {
                actor2 = a.Name;
            }
            else if (actor2 is null)
            {
                associated.Add(a.Name);
            }
            countries.Add(a.Country);
        }
        string? note = null;
        if (trigger.EventType == "Battles" && actor1 is not null && actor2 is null)
        {
            // A battle has two sides; when the sentence names one, the report's other most named army is the likeliest.
            var other = articleCountries.FirstOrDefault(c => !countries.Contains(c) && !countries.Any(k => allies.Contains((k, c))));
            if (other is not null)
            {
                actor2 = $"Military Forces of {other}";
                note = "actor2 inferred from the rest of the report";
            }
        }

        if (trigger.EventType == "Battles" && actor1 is not null)
        {
            // Allies the report names elsewhere ("sent to reinforce Russian forces") fight on actor1's side.
            var first = countries[0];
            foreach (var country in articleCountries)
            {
                var name = $"Military Forces of {country}";
                if (allies.Contains((first, country)) && name != actor2 && !associated.Contains(name)) associated.Add(name);
            }
        }

        int? killed = null, wounded = null, mixed = null;
        bool atLeast = false;
        foreach (var c in casualties)
        {
            switch (c.Kind)
            {
                case CasualtyKind.Killed: killed ??= c.Count; break;
                case CasualtyKind.Wounded: wounded ??= c.Count; break;
                case CasualtyKind.KilledOrWounded: mixed ??= c.Count; break;
                default: continue;
            }
            atLeast |= c.AtLeast;
        }

        var (date, precision, endDate) = DateOf(input, sentence.Span, triggerSpan);
        var claims = ImmutableArray.CreateBuilder<int>();
        var sayers = new List<string>();
        for (int i = 0; i < input.Claims.Length; i++)
        {
            var claim = input.Claims[i];
            if (!claim.AllContent.Any(c => c.Overlaps(triggerSpan))) continue;
            claims.Add(i);
            var who = claim.Source is { } src ? src.Of(input.Text) : "unnamed source";
            sayers.Add(claim.Status == ClaimStatus.Asserted ? $"according to {who}" : $"{claim.Status.ToString().ToLowerInvariant()} by {who}");
        }
        if (sayers.Count > 0) note = note is null ? string.Join("; ", sayers) : string.Join("; ", sayers) + "; " + note;

        return new NewsEvent(sentence.Span, trigger.EventType, trigger.SubEventType, date, place.Span, actor1, actor2)
        {
            Fatalities = killed,
            Wounded = wounded,
            KilledOrWounded = mixed,
            CasualtiesAtLeast = atLeast,
            Precision = precision,
            ClaimIndexes = claims.ToImmutable(),
            AssociatedActors = associated.ToImmutable(),
            Location = place.Resolved,
            NearPlaces = place.Near,
            EndDate = endDate,
            Trigger = triggerSpan,
            Note = note,
        };
    }

    /// <summary>"North Korean and Russian troops", "North Koreans fighting alongside the Russian army".</summary>
    private static bool OnSameSide(TokenView v, Span a, Span b)
    {
        var between = v.Text.AsSpan(a.End, Math.Max(0, b.Start - a.End));
        if (between.Length > 60) return false;
        return between.Contains("alongside", StringComparison.OrdinalIgnoreCase) || between.Contains("along with", StringComparison.OrdinalIgnoreCase)
            || between.Contains("together with", StringComparison.OrdinalIgnoreCase) || between.Contains(" to support", StringComparison.OrdinalIgnoreCase)
            || between.Contains("reinforce", StringComparison.OrdinalIgnoreCase) || between.Contains(" for ", StringComparison.OrdinalIgnoreCase)
            || between.Trim().Equals("and", StringComparison.OrdinalIgnoreCase) || between.Contains(" with ", StringComparison.OrdinalIgnoreCase)
            || between.Contains("help", StringComparison.OrdinalIgnoreCase) || between.Contains("support", StringComparison.OrdinalIgnoreCase)
            || between.Contains("sent to", StringComparison.OrdinalIgnoreCase) || between.Contains("deployed to", StringComparison.OrdinalIgnoreCase)
            || between.Contains("sending", StringComparison.OrdinalIgnoreCase) && between.Contains(" to", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The event's date: a date inside the claim content that states the event first ("affirmed on Monday that
    /// they were killed on Saturday" is Saturday), then a date of the narration, then the date of the statement
    /// (the event happened on or before it), then the report's own date; both of the last are within a week.
    /// A following day joined by "and", "to" or a dash ends a span of days ("on December 14 and 15").
    /// An undated report without a date in the sentence leaves the date unknown (null).
    /// </summary>
    private static (string? Date, DatePrecision Precision, string? EndDate) DateOf(EventInputs input, Span sentence, Span trigger)
    {
        Span? content = null;
        Attribution? reporting = null;
        foreach (var c in input.Claims)
        {
            foreach (var part in c.AllContent)
            {
                if (part.Overlaps(trigger) && (content is null || part.Length < content.Value.Length)) (content, reporting) = (part, c);
            }
        }
        int bestRank = int.MaxValue, bestIndex = -1;
        for (int i = 0; i < input.Times.Length; i++)
        {
            var t = input.Times[i];
            if (t.Type != TimexType.Date || !sentence.Contains(t.Span) || Precision(t.Value) is null) continue;
            // "occupied since August": the start of a state, not the day of the event.
            if (PrecededBy(input.Text, t.Span, "since")) continue;
            if (IsInAnotherClaim(input.Claims, t.Span, trigger, reporting)) continue;
            int rank = content is { } inside && inside.Contains(t.Span) ? 0 : IsStatementTime(input.Claims, sentence, t.Span) ? 2 : 1;
            if (rank < bestRank) { bestRank = rank; bestIndex = i; }
        }
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (bestIndex < 0)
        {
            return input.ReferenceDateAssumed ? (null, DatePrecision.Month, null) : (input.ReferenceDate.ToString("yyyy-MM-dd", invariant), DatePrecision.Week, null);
        }
        var best = input.Times[bestIndex];
        var precision = Precision(best.Value)!.Value;
        if (bestRank == 2 && precision == DatePrecision.Day) precision = DatePrecision.Week;
        string? end = null;
        if (precision == DatePrecision.Day && bestIndex + 1 < input.Times.Length)
        {
            var next = input.Times[bestIndex + 1];
            if (next.Type == TimexType.Date && sentence.Contains(next.Span) && Precision(next.Value) == DatePrecision.Day
                && DateOnly.TryParseExact(best.Value, "yyyy-MM-dd", invariant, System.Globalization.DateTimeStyles.None, out var from)
                && DateOnly.TryParseExact(next.Value, "yyyy-MM-dd", invariant, System.Globalization.DateTimeStyles.None, out var to)
                && to.DayNumber - from.DayNumber is > 0 and <= 7 && JoinsDays(input.Text, best.Span, next.Span))
            {
                end = next.Value;
            }
        }
        return (best.Value, precision, end);
    }

    /// <summary>
    /// "Kyiv said the troops arrived in October, and the army reported clashes": a date inside what one claim
    /// says dates that claim's proposition, not an event another claim reports. "Kyiv first said the troops
    /// arrived in October and later reported clashes": the first content seems to run over the second
    /// statement, but that statement comes from outside it (its source is not inside the first content,
    /// as in "Kyiv said the army reported clashes on Saturday"), so a date before its cue is still the first's.
    /// </summary>
    private static bool IsInAnotherClaim(ImmutableArray<Attribution> claims, Span time, Span trigger, Attribution? reporting)
    {
        foreach (var c in claims)
        {
            if (ReferenceEquals(c, reporting)) continue;
            bool holdsTime = false, holdsTrigger = false, holdsReportingSource = false;
            foreach (var part in c.AllContent)
            {
                holdsTime |= part.Contains(time);
                holdsTrigger |= part.Overlaps(trigger);
                holdsReportingSource |= reporting?.Source is { } source && part.Contains(source);
            }
            if (!holdsTime) continue;
            if (!holdsTrigger) return true;
            if (reporting?.Cue is { } cue && time.End <= cue.Start && !holdsReportingSource) return true;
        }
        return false;
    }

    private static bool PrecededBy(string text, Span span, string word)
    {
        int k = span.Start;
        while (k > 0 && text[k - 1] == ' ') k--;
        return k >= word.Length && text.AsSpan(k - word.Length, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
            && (k == word.Length || !char.IsLetter(text[k - word.Length - 1]));
    }

    private static DatePrecision? Precision(string value)
    {
        if (value.Length == 10 && value[4] == '-' && value[7] == '-') return DatePrecision.Day;
        if (value.Contains("-W", StringComparison.Ordinal)) return DatePrecision.Week;
        if (value.Length == 7 && value[4] == '-') return DatePrecision.Month;
        return null;
    }

    /// <summary>"December 14 and 15", "Saturday and Sunday", "14-15 December", "Friday to Sunday".</summary>
    private static bool JoinsDays(string text, Span first, Span second)
    {
        if (second.Start < first.End || second.Start - first.End > 12) return false;
        var between = text.AsSpan(first.End, second.Start - first.End).Trim();
        return between is "and" or "-" or "–" or "—" or "to" or "through" or "until" or "&";
    }

    /// <summary>
    /// A date that dates the saying, not what is said: outside every content of a claim in the sentence, in the
    /// stretch from the sentence start to the content ("On Saturday, X said C", "X affirmed on Monday that C") or
    /// after the cue when the content comes first ("C, X said on Monday").
    /// </summary>
    private static bool IsStatementTime(ImmutableArray<Attribution> claims, Span sentence, Span time)
    {
        foreach (var c in claims)
        {
            if (c.Cue is not { } cue || !sentence.Contains(cue)) continue;
            bool inContent = false;
            foreach (var part in c.AllContent) if (part.Contains(time)) { inContent = true; break; }
            if (inContent) continue;
            var content = c.AllContent[0];
            if (content.Start >= cue.End ? time.End <= content.Start : time.Start >= cue.Start) return true;
        }
        return false;
    }
}
