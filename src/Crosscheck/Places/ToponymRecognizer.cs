using System.Collections.Immutable;
using Crosscheck.Entities;
using Crosscheck.Language;
using Crosscheck.Text;

namespace Crosscheck.Places;

/// <summary>How a toponym mention was found.</summary>
internal enum MentionKind
{
    /// <summary>A gazetteer name ("Kursk", "New South Wales").</summary>
    Name,
    /// <summary>A demonym or adjective ("Russian"): it names the country, not a place in it.</summary>
    Adjective,
    /// <summary>"the Kursk region", "Donetsk Oblast": a region by its stem and designator.</summary>
    Region,
    /// <summary>An abbreviation after "Place, " ("Macon, Ga.").</summary>
    Abbreviation,
    /// <summary>A toponym the gazetteer lacks (a small village); resolved to what the text says encloses it.</summary>
    Unknown,
}

/// <summary>A toponym found in the text, with its gazetteer candidates.</summary>
internal sealed class Mention
{
    public required Span Span { get; init; }
    public required int FirstToken { get; init; }
    public required int LastToken { get; init; }
    public required int Sentence { get; init; }
    public required MentionKind Kind { get; init; }
    public required int[] Candidates { get; set; }

    /// <summary>A mention the text says contains this one: "Paris, Texas", "Russia's Kursk region".</summary>
    public int Container { get; set; } = -1;

    /// <summary>Named in a list after a settlement noun ("the villages of A, B and C"), so a village, and as near as the list's region.</summary>
    public bool InSettlementList { get; set; }

    /// <summary>A place this one is said to be near ("a village near Kursk"), for unknown toponyms.</summary>
    public int NearMention { get; set; } = -1;

    public int Resolved { get; set; } = -1;
}

/// <summary>
/// Finds toponyms: capitalised token sequences (up to five tokens) that are gazetteer names,
/// region patterns, abbreviations after a comma, unknown names in "the villages of A, B and C"
/// lists, and Place mentions of the entity layer when another stage produced it. Filters drop
/// common English words, person names and street names.
/// </summary>
internal sealed class ToponymRecognizer(Gazetteer gazetteer)
{
    private const int MaxNameTokens = 5;
    private const int MaxCandidates = 400;
    private const int KeyBufferLength = 160;

    public List<Mention> Recognize(AnalyzedArticle article)
    {
        var text = article.Text;
        var tokens = article.Get(Layers.Tokens);
        var sentences = article.Get(Layers.Sentences);
        var mentions = new List<Mention>();
        if (tokens.IsEmpty) return mentions;

        article.TryGet(Layers.Entities, out var entities);
        var covered = new bool[tokens.Length];
        int datelineEnd = DatelineEnd(article);
        Span<char> key = stackalloc char[KeyBufferLength];
        var memory = new DocumentMemory(ConfirmedPlaces(text, tokens, key))
        {
            // The entity layer's model learned English: in other languages its "person" is weaker
            // evidence ("am Montag Charkiw"), though still right about "Israel Katz".
            PersonVerdictsTrusted = article.Article.Language is "en" or LanguageGuess.Undetermined,
            // German (and Luxembourgish) capitalise every noun: "am Montag Charkiw" is no "George Washington".
            NounsCapitalised = article.Article.Language is "de" or "lb",
        };

        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            int first = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
            bool allCaps = IsMostlyUpperCase(text, sentence.Span);
            int firstWord = first;
            while (firstWord < end && tokens[firstWord].Kind != TokenKind.Word) firstWord++;
            for (int t = first; t < end; t++)
            {
                if (covered[t] || tokens[t].Span.End <= datelineEnd) continue;
                var token = tokens[t];
                if (token.Kind != TokenKind.Word || token.Span.Length < 2) continue;
                if (!allCaps && !char.IsUpper(text[token.Span.Start])) continue;
                var mention = MatchAt(text, tokens, t, end, s, t == firstWord, allCaps, mentions, key, entities, memory);
                if (mention is null)
                {
                    if (text.AsSpan(token.Span.Start, token.Span.Length).Contains('-')) MatchHyphenParts(text, token, t, s, mentions, key);
                    continue;
                }
                mentions.Add(mention);
                for (int k = mention.FirstToken; k <= mention.LastToken; k++) covered[k] = true;
                t = mention.LastToken;
            }
            FindSettlementLists(text, tokens, first, end, s, covered, mentions);
        }
        AddEntityPlaces(text, tokens, entities, covered, mentions, key, datelineEnd, memory.PersonVerdictsTrusted);
        mentions.Sort((a, b) => a.Span.CompareTo(b.Span));
        LinkContainers(text, tokens, mentions);
        return mentions;
    }

    private Mention? MatchAt(string text, ImmutableArray<Token> tokens, int t, int end, int sentence, bool sentenceInitial,
        bool allCaps, List<Mention> previous, Span<char> key, EntityLayer? entities, DocumentMemory memory)
    {
        // "the Kursk region", "Donetsk Oblast", "Sumy province": a region by its stem.
        var region = MatchRegionPattern(text, tokens, t, end, sentence, key);
        if (region is not null) return region;

        // Abbreviation right after "Place, ": "Macon, Ga.", "Columbus, OH".
        bool afterPlaceComma = t >= 2 && IsPunct(text, tokens[t - 1], ',') && previous.Count > 0 && previous[^1].LastToken == t - 2;

        int keyLength = 0, bestEnd = -1, bestKeyLength = 0, bestSpanEnd = -1;
        var body = key[1..];
        MentionKind bestKind = MentionKind.Name;
        ReadOnlySpan<int> best = default;
        for (int k = t; k < end && k < t + MaxNameTokens + 2; k++)
        {
            var token = tokens[k];
            var word = text.AsSpan(token.Span.Start, token.Span.Length);
            // "New York-based", "San Jose-born": the name ends at the hyphen and the compound ends the name.
            int compound = PlaceCompoundHyphen(word);
            if (compound > 0) word = word[..compound];
            int wordEnd = token.Span.Start + word.Length;
            if (k > t)
            {
                // A period or clitic written against the word belongs to it: "St.", "People's Republic".
                bool attached = token.Span.Start == tokens[k - 1].Span.End;
                if (attached && (word is "." || IsPossessive(text, token)))
                {
                    if (!PlaceNames.AppendFolded(word, body, ref keyLength)) break;
                    continue;
                }
                if (token.Kind != TokenKind.Word || k - t >= MaxNameTokens || keyLength >= body.Length) break;
                body[keyLength++] = ' ';
            }
            if (!PlaceNames.AppendFolded(word, body, ref keyLength)) break;
            bool capitalised = allCaps || char.IsUpper(word[0]);
            if (!capitalised)
            {
                if (k > t && InSet(text, token, PlaceWords.NameConnectors)) continue;
                break;
            }
            if (afterPlaceComma)
            {
                key[0] = Gazetteer.AfterCommaPrefix;
                var abbreviation = gazetteer.Find(key[..(keyLength + 1)]);
                if (!abbreviation.IsEmpty)
                {
                    best = abbreviation; bestEnd = k; bestKind = MentionKind.Abbreviation; bestKeyLength = keyLength; bestSpanEnd = wordEnd;
                    if (compound > 0) break;
                    continue;
                }
            }
            var hits = gazetteer.Find(body[..keyLength]);
            key[0] = Gazetteer.AdjectivePrefix;
            var adjective = gazetteer.Find(key[..(keyLength + 1)]);
            // "Canadian" is the demonym before it is a small town in Texas.
            if (!adjective.IsEmpty && (hits.IsEmpty || MaxPlacePopulation(hits) < 100_000))
            {
                best = adjective; bestEnd = k; bestKind = MentionKind.Adjective; bestKeyLength = keyLength; bestSpanEnd = wordEnd;
                if (compound > 0) break;
                continue;
            }
            if (!hits.IsEmpty) { best = hits; bestEnd = k; bestKind = MentionKind.Name; bestKeyLength = keyLength; bestSpanEnd = wordEnd; }
            if (compound > 0) break;
        }
        if (bestEnd < 0) return null;
        // "North London", "Southern California": the direction qualifies the next name, it is not a place itself.
        if (bestEnd == t && bestKind == MentionKind.Name && InSet(text, tokens[t], PlaceWords.Directions)
            && t + 1 < end && tokens[t + 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[t + 1].Span.Start]))
        {
            return null;
        }
        // A period the tokenizer left outside an abbreviation belongs to it: "W.Va" + "." -> "W.Va."
        int spanEnd = bestSpanEnd;
        if (spanEnd == tokens[bestEnd].Span.End && ((bestKind == MentionKind.Abbreviation || text.AsSpan(tokens[bestEnd].Span.Start, tokens[bestEnd].Span.Length).Contains('.')) && bestEnd + 1 < end && tokens[bestEnd + 1].Span.Start == spanEnd
            && IsPunct(text, tokens[bestEnd + 1], '.')))
        {
            spanEnd++;
        }
        var candidates = Filter(text, tokens, t, bestEnd, best, bestKind, sentenceInitial, allCaps, entities, body[..bestKeyLength], memory);
        if (candidates is null) return null;
        return new Mention
        {
            Span = new Span(tokens[t].Span.Start, spanEnd), FirstToken = t, LastToken = bestEnd, Sentence = sentence,
            Kind = bestKind, Candidates = candidates,
        };
    }

    /// <summary>Applies the common-word, acronym and person-name filters; null rejects the match.</summary>
    private int[]? Filter(string text, ImmutableArray<Token> tokens, int first, int last, ReadOnlySpan<int> hits, MentionKind kind,
        bool sentenceInitial, bool allCaps, EntityLayer? entities, ReadOnlySpan<char> matchedKey, DocumentMemory memory)
    {
        var span = new Span(tokens[first].Span.Start, tokens[last].Span.End);
        var entityType = EntityTypeAt(entities, span, out var personSpan);
        if (entityType is EntityType.Person && IsKnownTownOrWider(hits) && PersonVerdictYields(text, tokens, first, last, personSpan,
                memory.ConfirmedPlaces.GetAlternateLookup<ReadOnlySpan<char>>().Contains(matchedKey), memory.PersonVerdictsTrusted))
        {
            entityType = null;
        }
        if (entityType is EntityType.Person)
        {
            memory.PersonWords.Add(matchedKey.ToString());
            return null;
        }
        bool entitySaysPlace = entityType is EntityType.Place;
        if (PlaceWords.NotPlaces.GetAlternateLookup<ReadOnlySpan<char>>().Contains(matchedKey) && !entitySaysPlace) return null;
        hits = DropAlternateOnlyHamlets(hits, matchedKey);
        if (hits.IsEmpty) return null;

        bool hasBroad = false; // a country, wider area or first-level region
        long maxPopulation = 0;
        foreach (var c in hits)
        {
            var k = gazetteer.KindOf(c);
            if (k is PlaceKind.Country or PlaceKind.Area or PlaceKind.Region) hasBroad = true;
            maxPopulation = Math.Max(maxPopulation, gazetteer.PopulationOf(c));
        }
        if (kind is MentionKind.Adjective or MentionKind.Abbreviation) return Cap(hits, kind);
        if (entitySaysPlace)
        {
            // The recogniser's "place" is trusted, except for a common word nothing marks as a place.
            return IsCommonWordNotMarkedAsPlace(text, tokens, first, last, hits) ? null : Cap(hits, kind);
        }

        var word = text.AsSpan(tokens[first].Span.Start, tokens[first].Span.Length);
        bool singleToken = first == last;
        if (singleToken && !allCaps && word.Length <= 4 && IsAllUpper(word))
        {
            // Acronyms (NATO, AP, ISIS) are rarely towns: keep only countries, regions and big cities.
            return Cap(hits, kind, keepOnlyBroadOrPopulation: 1_000_000);
        }

        bool common = singleToken && IsCommonWord(word);
        if (singleToken && IsDirectionAdjectiveBeforeNoun(text, tokens, first, word)) return null;
        var previous = first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence ? tokens[first - 1] : default;
        bool hasPrevious = first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence;
        bool afterLocative = hasPrevious && InSet(text, previous, PlaceWords.Locatives);
        // "in Saporischschja Menschen", "am Montag Charkiw": in German the next capitalised noun is no surname.
        bool afterLocativeOrDate = hasPrevious && (afterLocative || InSet(text, previous, PlaceWords.ForeignLocatives)
            || InSet(text, previous, PlaceWords.CalendarWords));
        // Someone already named in full ("Rev. Roy Jones") is meant when "Jones" comes back alone.
        bool confirmed = memory.ConfirmedPlaces.GetAlternateLookup<ReadOnlySpan<char>>().Contains(matchedKey);
        if (!hasBroad && !confirmed && memory.PersonWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(matchedKey)) return null;
        bool nextIsInstitution = last + 1 < tokens.Length && tokens[last + 1].Sentence == tokens[first].Sentence
            && InSet(text, tokens[last + 1], PlaceWords.InstitutionWords);
        if (common)
        {
            if (HasKind(hits, PlaceKind.Country) || HasKind(hits, PlaceKind.Area)) return Cap(hits, kind, keepOnlyBroadOrPopulation: long.MaxValue, broadKinds: BroadKinds.CountryOrArea);
            // "in Reading", "Oxford Police": a common word needs a locative or an institution noun, and a real town.
            if (sentenceInitial && !nextIsInstitution || !afterLocative && !nextIsInstitution || maxPopulation < 20_000 && !hasBroad) return null;
        }
        else if (allCaps && singleToken)
        {
            // Capitals carry no signal in an all-capital line: keep regions, big towns and "TOWN, STATE" datelines.
            bool nextIsComma = last + 1 < tokens.Length && IsPunct(text, tokens[last + 1], ',');
            if (!hasBroad && maxPopulation < 50_000 && !nextIsComma) return null;
        }

        if (hasPrevious && previous.Kind == TokenKind.Word)
        {
            if (InSet(text, previous, PlaceWords.PersonTitles) && !hasBroad)
            {
                memory.PersonWords.Add(matchedKey.ToString());
                return null;
            }
            // "George Washington": a capitalised word before a town or state name makes it a surname.
            bool countryOrArea = HasKind(hits, PlaceKind.Country) || HasKind(hits, PlaceKind.Area);
            if (!allCaps && !countryOrArea && !confirmed && char.IsUpper(text[previous.Span.Start])
                && (!memory.NounsCapitalised || MayBeAName(text, previous) && !IsSentenceInitial(tokens, first - 1))
                && !InSet(text, previous, PlaceWords.NameModifiers) && !InSet(text, previous, PlaceWords.SentenceStarters)
                && !IsAllUpper(text.AsSpan(previous.Span.Start, previous.Span.Length)) && !IsStrongPlaceWord(text, previous))
            {
                // "Roy Jones ... Jones said": the surname alone later is the same person (unless the
                // document also uses the name after "in", "at", "near").
                memory.PersonWords.Add(matchedKey.ToString());
                return null;
            }
        }
        if (last + 1 < tokens.Length && tokens[last + 1].Sentence == tokens[last].Sentence)
        {
            var next = tokens[last + 1];
            if (next.Kind == TokenKind.Word)
            {
                // "Marburg virus", "Reston ebolavirus", "Spanish flu": a disease named after a place.
                if (InSet(text, next, PlaceWords.DiseaseWords)) return null;
                if (InSet(text, next, PlaceWords.SpeechVerbs) && !hasBroad)
                {
                    memory.PersonWords.Add(matchedKey.ToString());
                    return null;
                }
                if (!allCaps && char.IsUpper(text[next.Span.Start])
                    && (!memory.NounsCapitalised || MayBeAName(text, next) && !afterLocativeOrDate))
                {
                    if (InSet(text, next, PlaceWords.StreetWords)) return null;
                    // "Paris Hilton", "George Washington": a town name before another capitalised word is a first name.
                    // A name the document elsewhere uses as a place ("in Dublin") stays one: "Dublin Singers".
                    if (!InSet(text, next, PlaceWords.InstitutionWords) && !hasBroad && !confirmed && maxPopulation < 1_000_000) return null;
                }
            }
        }
        return Cap(hits, kind);
    }

    /// <summary>
    /// "Western officials", "Eastern front", "central bank": a compass adjective before a lower-case
    /// noun describes that noun; it is not the region of the same name ("Western Region", "Central").
    /// </summary>
    private static bool IsDirectionAdjectiveBeforeNoun(string text, ImmutableArray<Token> tokens, int token, ReadOnlySpan<char> word)
    {
        if (!(word.EndsWith("ern", StringComparison.OrdinalIgnoreCase) || word.Equals("central", StringComparison.OrdinalIgnoreCase))
            || !InSet(text, tokens[token], PlaceWords.Directions)) return false;
        if (token + 1 >= tokens.Length || tokens[token + 1].Sentence != tokens[token].Sentence || tokens[token + 1].Kind != TokenKind.Word) return false;
        var next = text.AsSpan(tokens[token + 1].Span.Start, tokens[token + 1].Span.Length);
        return char.IsLower(next[0]) && !next.Equals("of", StringComparison.Ordinal);
    }

    /// <summary>What one document has taught: names used for persons, and names used as places.</summary>
    private sealed class DocumentMemory(HashSet<string> confirmedPlaces)
    {
        public HashSet<string> PersonWords { get; } = new(StringComparer.Ordinal);

        public HashSet<string> ConfirmedPlaces { get; } = confirmedPlaces;

        public bool PersonVerdictsTrusted { get; init; } = true;

        public bool NounsCapitalised { get; init; }
    }

    /// <summary>
    /// Whether a known town the entity model put inside a person's name is a place after all. Another
    /// capitalised word in that name that is not a weekday, a month or a common word is a given name or
    /// a surname ("Israel Katz", "Lloyd Austin", "George Washington"): the person stands. Otherwise, in
    /// English only the document's own "in Alberta" outweighs the model; in other languages, which the
    /// model never learned, a date word in the name ("am Montag Charkiw"), a locative before the town
    /// or the document's own use as a place does.
    /// </summary>
    private static bool PersonVerdictYields(string text, ImmutableArray<Token> tokens, int first, int last, Span personSpan,
        bool confirmedPlace, bool verdictTrusted)
    {
        bool otherWords = false;
        for (int k = first - 1; k >= 0 && tokens[k].Span.End > personSpan.Start; k--)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            if (MayBeAName(text, tokens[k])) return false;
            otherWords = true;
        }
        for (int k = last + 1; k < tokens.Length && tokens[k].Span.Start < personSpan.End; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            if (MayBeAName(text, tokens[k])) return false;
            otherWords = true;
        }
        if (verdictTrusted) return confirmedPlace;
        bool afterLocativeOrDate = first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence
            && (InSet(text, tokens[first - 1], PlaceWords.StrongLocatives) || InSet(text, tokens[first - 1], PlaceWords.ForeignLocatives)
                || InSet(text, tokens[first - 1], PlaceWords.CalendarWords));
        return otherWords || afterLocativeOrDate || confirmedPlace;
    }

    /// <summary>A capitalised word that is no weekday, month, preposition, place noun or common word: a given name or a surname.</summary>
    private static bool MayBeAName(string text, Token token) =>
        token.Kind == TokenKind.Word && char.IsUpper(text[token.Span.Start])
        && !InSet(text, token, PlaceWords.CalendarWords) && !InSet(text, token, PlaceWords.ForeignLocatives)
        && !InSet(text, token, PlaceWords.CapitalisedPlaceNouns) && !InSet(text, token, PlaceWords.CommonWords)
        && !InSet(text, token, PlaceWords.NameConnectors);

    private static bool IsSentenceInitial(ImmutableArray<Token> tokens, int t)
    {
        for (int k = t - 1; k >= 0 && tokens[k].Sentence == tokens[t].Sentence; k--)
        {
            if (tokens[k].Kind == TokenKind.Word) return false;
        }
        return true;
    }

    // A region, a country or a town of 100,000 or more: a name few texts give a person.
    private bool IsKnownTownOrWider(ReadOnlySpan<int> hits)
    {
        foreach (var c in hits)
        {
            if (gazetteer.KindOf(c) is PlaceKind.Country or PlaceKind.Region || gazetteer.PopulationOf(c) >= 100_000) return true;
        }
        return false;
    }

    // Names the document puts after a locative preposition ("in Dublin", "near Arlington"): one
    // sense per discourse makes their other capitalised uses places too.
    private HashSet<string> ConfirmedPlaces(string text, ImmutableArray<Token> tokens, Span<char> key)
    {
        var confirmed = new HashSet<string>(StringComparer.Ordinal);
        var lookup = confirmed.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int t = 1; t < tokens.Length; t++)
        {
            var token = tokens[t];
            if (token.Kind != TokenKind.Word || !char.IsUpper(text[token.Span.Start]) || tokens[t - 1].Sentence != token.Sentence) continue;
            if (!InSet(text, tokens[t - 1], PlaceWords.StrongLocatives) || char.IsUpper(text[tokens[t - 1].Span.Start])) continue;
            int length = 0, longest = 0;
            for (int k = t; k < tokens.Length && k < t + 3 && tokens[k].Sentence == token.Sentence; k++)
            {
                var word = tokens[k];
                if (word.Kind != TokenKind.Word || !char.IsUpper(text[word.Span.Start])) break;
                if (k > t) key[length++] = ' ';
                if (!PlaceNames.AppendFolded(text.AsSpan(word.Span.Start, word.Span.Length), key, ref length) || length >= key.Length - 1) break;
                if (!gazetteer.Find(key[..length]).IsEmpty) longest = length;
            }
            // Only the whole name: "in Scott County" confirms "Scott County", not "Scott".
            if (longest > 0 && !lookup.Contains(key[..longest])) confirmed.Add(new string(key[..longest]));
        }
        return confirmed;
    }

    private bool IsStrongPlaceWord(string text, Token token)
    {
        Span<char> buffer = stackalloc char[PlaceNames.MaxKeyLength];
        int length = 0;
        if (!PlaceNames.AppendFolded(text.AsSpan(token.Span.Start, token.Span.Length), buffer, ref length)) return false;
        return MaxPlacePopulation(gazetteer.Find(buffer[..length])) >= 1_000_000;
    }

    private long MaxPlacePopulation(ReadOnlySpan<int> hits)
    {
        long max = 0;
        foreach (var c in hits)
        {
            if (gazetteer.KindOf(c) is PlaceKind.Country or PlaceKind.Region or PlaceKind.Area) return long.MaxValue;
            max = Math.Max(max, gazetteer.PopulationOf(c));
        }
        return max;
    }

    // A small place found only through an alternate name ("Berea" for Aleppo's ancient name,
    // "Clark" for a town once called so) is a poor guess; its own name must match.
    private ReadOnlySpan<int> DropAlternateOnlyHamlets(ReadOnlySpan<int> hits, ReadOnlySpan<char> key)
    {
        int keep = 0;
        foreach (var c in hits) if (KeepCandidate(c, key)) keep++;
        if (keep == hits.Length) return hits;
        var kept = new int[keep];
        int n = 0;
        foreach (var c in hits) if (KeepCandidate(c, key)) kept[n++] = c;
        return kept;
    }

    private bool KeepCandidate(int c, ReadOnlySpan<char> key)
    {
        var kind = gazetteer.KindOf(c);
        if (kind is PlaceKind.Country or PlaceKind.Region or PlaceKind.Area || gazetteer.PopulationOf(c) >= 100_000) return true;
        return gazetteer.IsPrimaryKey(c, key);
    }

    private enum BroadKinds { Any, CountryOrArea }

    private int[]? Cap(ReadOnlySpan<int> hits, MentionKind kind, long keepOnlyBroadOrPopulation = 0, BroadKinds broadKinds = BroadKinds.Any)
    {
        var list = new List<int>(Math.Min(hits.Length, MaxCandidates));
        foreach (var c in hits)
        {
            var k = gazetteer.KindOf(c);
            bool broad = broadKinds == BroadKinds.CountryOrArea
                ? k is PlaceKind.Country or PlaceKind.Area
                : k is PlaceKind.Country or PlaceKind.Area or PlaceKind.Region;
            if (keepOnlyBroadOrPopulation > 0 && !broad && gazetteer.PopulationOf(c) < keepOnlyBroadOrPopulation) continue;
            // A demonym names a country or area; a town that shares the spelling is a coincidence.
            if (kind == MentionKind.Adjective && k is PlaceKind.Place or PlaceKind.District) continue;
            list.Add(c);
        }
        if (list.Count == 0) return null;
        if (list.Count > MaxCandidates)
        {
            list.Sort((a, b) => gazetteer.PopulationOf(b).CompareTo(gazetteer.PopulationOf(a)));
            list.RemoveRange(MaxCandidates, list.Count - MaxCandidates);
        }
        return [.. list];
    }

    private Mention? MatchRegionPattern(string text, ImmutableArray<Token> tokens, int t, int end, int sentence, Span<char> key)
    {
        int keyLength = 1;
        key[0] = Gazetteer.RegionStemPrefix;
        for (int k = t; k < end && k < t + 3; k++)
        {
            var token = tokens[k];
            if (token.Kind != TokenKind.Word || !char.IsUpper(text[token.Span.Start])) return null;
            if (k > t)
            {
                if (keyLength >= key.Length) return null;
                key[keyLength++] = ' ';
            }
            if (!PlaceNames.AppendFolded(text.AsSpan(token.Span.Start, token.Span.Length), key, ref keyLength)) return null;
            if (k + 1 >= end) return null;
            var designator = tokens[k + 1];
            if (!InSet(text, designator, PlaceWords.RegionDesignators)) continue;
            var hits = gazetteer.Find(key[..keyLength]);
            if (hits.IsEmpty) continue;
            bool capitalisedDesignator = char.IsUpper(text[designator.Span.Start]);
            int last = capitalisedDesignator ? k + 1 : k;
            return new Mention
            {
                Span = new Span(tokens[t].Span.Start, tokens[last].Span.End), FirstToken = t, LastToken = last,
                Sentence = sentence, Kind = MentionKind.Region, Candidates = hits.ToArray(),
            };
        }
        return null;
    }

    /// <summary>Where the hyphen of "York-based" stands in the word, or -1 when no place compound suffix follows it.</summary>
    internal static int PlaceCompoundHyphen(ReadOnlySpan<char> word)
    {
        int hyphen = word.LastIndexOf('-');
        if (hyphen <= 0 || hyphen + 1 >= word.Length || !char.IsLower(word[hyphen + 1])) return -1;
        return PlaceWords.PlaceCompoundSuffixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word[(hyphen + 1)..]) ? hyphen : -1;
    }

    // "Kursk-based", "U.S.-led", "Russia-Ukraine": a hyphenated word whose parts are places.
    private void MatchHyphenParts(string text, Token token, int t, int sentence, List<Mention> mentions, Span<char> key)
    {
        int start = token.Span.Start;
        for (int i = token.Span.Start; i <= token.Span.End; i++)
        {
            if (i < token.Span.End && text[i] != '-') continue;
            int length = i - start;
            if (length >= 2 && char.IsUpper(text[start]))
            {
                int keyLength = 0;
                var part = text.AsSpan(start, length);
                if (PlaceNames.AppendFolded(part, key[1..], ref keyLength))
                {
                    var folded = key.Slice(1, keyLength);
                    var kind = MentionKind.Name;
                    var hits = gazetteer.Find(folded);
                    if (hits.IsEmpty)
                    {
                        key[0] = Gazetteer.AdjectivePrefix;
                        hits = gazetteer.Find(key[..(keyLength + 1)]);
                        kind = MentionKind.Adjective;
                    }
                    bool common = PlaceWords.CommonWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded);
                    var candidates = hits.IsEmpty ? null : Cap(hits, kind, keepOnlyBroadOrPopulation: common ? long.MaxValue : 50_000);
                    if (candidates is not null)
                    {
                        mentions.Add(new Mention
                        {
                            Span = new Span(start, i), FirstToken = t, LastToken = t, Sentence = sentence, Kind = kind, Candidates = candidates,
                        });
                    }
                }
            }
            start = i + 1;
        }
    }

    // "the villages of Plekhovo, Novoivanovka and Zeleny Shlyakh": names after a settlement noun,
    // even when the gazetteer lacks them.
    private void FindSettlementLists(string text, ImmutableArray<Token> tokens, int first, int end, int sentence, bool[] covered, List<Mention> mentions)
    {
        for (int t = first; t + 2 < end; t++)
        {
            if (!InSet(text, tokens[t], PlaceWords.SettlementNouns) || !IsWord(text, tokens[t + 1], "of")) continue;
            int k = t + 2;
            while (k < end)
            {
                int nameStart = k;
                while (k < end && k - nameStart < 4 && tokens[k].Kind == TokenKind.Word && char.IsUpper(text[tokens[k].Span.Start])) k++;
                if (k == nameStart) break;
                bool free = true;
                for (int c = nameStart; c < k; c++) free &= !covered[c];
                if (!free)
                {
                    for (int m = mentions.Count - 1; m >= 0 && mentions[m].Sentence == sentence; m--)
                    {
                        if (mentions[m].FirstToken == nameStart) mentions[m].InSettlementList = true;
                    }
                }
                else
                {
                    mentions.Add(new Mention
                    {
                        Span = new Span(tokens[nameStart].Span.Start, tokens[k - 1].Span.End), FirstToken = nameStart, LastToken = k - 1,
                        Sentence = sentence, Kind = MentionKind.Unknown, Candidates = [], InSettlementList = true,
                    });
                    for (int c = nameStart; c < k; c++) covered[c] = true;
                }
                if (k < end && (IsPunct(text, tokens[k], ',') || IsWord(text, tokens[k], "and") || IsWord(text, tokens[k], "or")))
                {
                    k++;
                    if (k < end && (IsWord(text, tokens[k], "and") || IsWord(text, tokens[k], "or"))) k++;
                    continue;
                }
                break;
            }
            t = Math.Max(t, k - 1);
        }
    }

    /// <summary>
    /// "the US and the West" is not West, Texas, nor "the West" a region of Cameroon: a single common
    /// word is not taken for a place when it follows "the" (unless a country or area bears it), or
    /// when only small towns bear it and no locative ("in", "near") stands before it.
    /// </summary>
    private bool IsCommonWordNotMarkedAsPlace(string text, ImmutableArray<Token> tokens, int first, int last, ReadOnlySpan<int> hits)
    {
        if (first != last || !IsCommonWord(text.AsSpan(tokens[first].Span.Start, tokens[first].Span.Length))) return false;
        bool hasPrevious = first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence;
        if (hasPrevious && IsWord(text, tokens[first - 1], "the"))
        {
            foreach (var c in hits)
            {
                if (gazetteer.KindOf(c) is PlaceKind.Country or PlaceKind.Area) return false;
            }
            return true;
        }
        return OnlySmallTowns(hits) && !(hasPrevious && InSet(text, tokens[first - 1], PlaceWords.Locatives));
    }

    /// <summary>No country, area or region among the hits and none with 20,000 people (also true when there are none).</summary>
    private bool OnlySmallTowns(ReadOnlySpan<int> hits)
    {
        foreach (var c in hits)
        {
            if (gazetteer.KindOf(c) is PlaceKind.Country or PlaceKind.Area or PlaceKind.Region || gazetteer.PopulationOf(c) >= 20_000) return false;
        }
        return true;
    }

    private static bool IsCommonWord(ReadOnlySpan<char> word)
    {
        Span<char> folded = stackalloc char[PlaceNames.MaxKeyLength];
        int length = 0;
        return PlaceNames.AppendFolded(word, folded, ref length)
            && PlaceWords.CommonWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded[..length]);
    }

    /// <param name="modelKnowsLanguage">False when the (English) entity model read another language: then its places the gazetteer lacks are not taken.</param>
    private void AddEntityPlaces(string text, ImmutableArray<Token> tokens, EntityLayer? entities, bool[] covered, List<Mention> mentions, Span<char> key, int datelineEnd,
        bool modelKnowsLanguage)
    {
        if (entities is null || entities.Mentions.IsEmpty) return;
        foreach (var entity in entities.Mentions)
        {
            if (entity.Type != EntityType.Place || entity.Span.IsEmpty || entity.Span.Start < 0 || entity.Span.End > text.Length
                || entity.Span.End <= datelineEnd) continue;
            int first = FirstTokenAt(tokens, entity.Span.Start);
            if (first < 0) continue;
            int last = first;
            while (last + 1 < tokens.Length && tokens[last + 1].Span.Start < entity.Span.End) last++;
            bool free = true;
            for (int k = first; k <= last; k++) free &= !covered[k];
            if (!free) continue;
            int keyLength = 0;
            var hits = ReadOnlySpan<int>.Empty;
            if (PlaceNames.AppendFolded(entity.Span.SliceOf(text), key, ref keyLength)) hits = gazetteer.Find(key[..keyLength]);
            if (IsCommonWordNotMarkedAsPlace(text, tokens, first, last, hits)) continue;
            if (hits.IsEmpty && !modelKnowsLanguage) continue;
            var candidates = hits.IsEmpty ? [] : Cap(hits, MentionKind.Name) ?? [];
            mentions.Add(new Mention
            {
                Span = entity.Span, FirstToken = first, LastToken = last, Sentence = tokens[first].Sentence,
                Kind = candidates.Length == 0 ? MentionKind.Unknown : MentionKind.Name, Candidates = candidates,
            });
            for (int k = first; k <= last; k++) covered[k] = true;
        }
    }

    private bool NamesCountry(Mention m)
    {
        foreach (var c in m.Candidates)
        {
            if (gazetteer.KindOf(c) == PlaceKind.Country) return true;
        }
        return false;
    }

    // "Russia, U.S. officials said": a country before a lower-case noun modifies it and contains nothing.
    private static bool ModifiesNextWord(string text, ImmutableArray<Token> tokens, Mention m)
    {
        int next = m.LastToken + 1;
        return next < tokens.Length && tokens[next].Sentence == tokens[m.LastToken].Sentence && tokens[next].Kind == TokenKind.Word
            && char.IsLower(text[tokens[next].Span.Start]);
    }

    // "Georgia, USA", "Armenia, Colombia": a country's namesake inside the country after the comma is a town or state and its container.
    private bool HasNonCountryCandidateIn(Mention a, Mention b)
    {
        foreach (var container in b.Candidates)
        {
            if (gazetteer.KindOf(container) != PlaceKind.Country) continue;
            var code = gazetteer[container].CountryCode;
            foreach (var c in a.Candidates)
            {
                if (gazetteer.KindOf(c) != PlaceKind.Country && gazetteer[c].CountryCode == code) return true;
            }
        }
        return false;
    }

    // "Paris, Texas" and "Russia's Kursk region": the second (or first) names what contains the other.
    // Two country names around a comma are a list ("in Russia, U.S. officials said"), not a town and its state,
    // unless the first also names a place inside the second and the second stands alone ("Georgia, USA").
    private void LinkContainers(string text, ImmutableArray<Token> tokens, List<Mention> mentions)
    {
        for (int i = 0; i + 1 < mentions.Count; i++)
        {
            var a = mentions[i];
            var b = mentions[i + 1];
            if (a.Sentence != b.Sentence) continue;
            int gap = b.FirstToken - a.LastToken;
            if (gap == 2 && IsPunct(text, tokens[a.LastToken + 1], ',') && b.Kind != MentionKind.Unknown)
            {
                if (!(NamesCountry(a) && NamesCountry(b)) || HasNonCountryCandidateIn(a, b) && !ModifiesNextWord(text, tokens, b)) a.Container = i + 1;
            }
            else if (gap == 2 && IsPossessive(text, tokens[a.LastToken + 1]) && a.Kind != MentionKind.Unknown) b.Container = i;
            else if (gap == 1 && a.Kind == MentionKind.Adjective && b.Kind != MentionKind.Unknown) b.Container = i;
        }
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind != MentionKind.Unknown) continue;
            // "a village near Kursk": the next known place after a near-word in the sentence.
            for (int j = i + 1; j < mentions.Count && mentions[j].Sentence == m.Sentence; j++)
            {
                var other = mentions[j];
                if (other.Kind == MentionKind.Unknown) continue;
                int before = other.FirstToken - 1;
                if (before > m.LastToken && InSet(text, tokens[before], PlaceWords.NearWords)
                    || before - 1 > m.LastToken && IsWord(text, tokens[before], "to") && IsWord(text, tokens[before - 1], "close")
                    || before - 1 > m.LastToken && IsWord(text, tokens[before], "of") && InSet(text, tokens[before - 1], PlaceWords.NearWords))
                {
                    m.NearMention = j;
                }
                break;
            }
        }
    }

    // What the entity layer (when another stage produced it) says about a span: Place wins, then Person.
    // Mentions are in text order: a binary search finds the few near the span, so a document with
    // thousands of names does not compare every candidate with every mention.
    private static EntityType? EntityTypeAt(EntityLayer? entities, Span span, out Span personSpan)
    {
        personSpan = default;
        if (entities is null || entities.Mentions.IsDefaultOrEmpty) return null;
        var mentions = entities.Mentions;
        int lo = 0, hi = mentions.Length;
        int from = span.Start - LongestEntityMention;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Span.Start < from) lo = mid + 1; else hi = mid;
        }
        EntityType? found = null;
        for (int i = lo; i < mentions.Length && mentions[i].Span.Start < span.End; i++)
        {
            var m = mentions[i];
            if (!m.Span.Overlaps(span)) continue;
            if (m.Type == EntityType.Place) return EntityType.Place;
            if (m.Type == EntityType.Person && found is null)
            {
                found = EntityType.Person;
                personSpan = m.Span;
            }
        }
        return found;
    }

    /// <summary>Longer than any name the recogniser produces (names are a few words; units a dozen).</summary>
    private const int LongestEntityMention = 400;

    private bool HasKind(ReadOnlySpan<int> hits, PlaceKind kind)
    {
        foreach (var c in hits) if (gazetteer.KindOf(c) == kind) return true;
        return false;
    }

    private static int DatelineEnd(AnalyzedArticle article)
    {
        var dateline = article.Article.Dateline?.Text;
        return !string.IsNullOrEmpty(dateline) && article.Text.StartsWith(dateline, StringComparison.Ordinal) ? dateline.Length : 0;
    }

    private static int FirstTokenAt(ImmutableArray<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.End <= offset) lo = mid + 1;
            else hi = mid - 1;
        }
        return lo < tokens.Length ? lo : -1;
    }

    internal static bool IsMostlyUpperCase(string text, Span span)
    {
        int upper = 0, letters = 0;
        for (int i = span.Start; i < span.End; i++)
        {
            char c = text[i];
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return letters >= 12 && upper * 10 >= letters * 8;
    }

    internal static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        int letters = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (!char.IsUpper(c)) return false;
        }
        return letters > 0;
    }

    private static bool IsPunct(string text, Token token, char c) => token.Span.Length == 1 && text[token.Span.Start] == c;

    private static bool IsPossessive(string text, Token token) =>
        token.Span.Length == 2 && (text[token.Span.Start] is '\'' or '’') && (text[token.Span.Start + 1] is 's' or 'S');

    private static bool IsWord(string text, Token token, string word) =>
        text.AsSpan(token.Span.Start, token.Span.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    internal static bool InSet(string text, Token token, HashSet<string> set)
    {
        if (token.Kind != TokenKind.Word || token.Span.Length > 24) return false;
        Span<char> buffer = stackalloc char[32];
        int length = 0;
        return PlaceNames.AppendFolded(text.AsSpan(token.Span.Start, token.Span.Length), buffer, ref length)
            && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buffer[..length]);
    }
}
