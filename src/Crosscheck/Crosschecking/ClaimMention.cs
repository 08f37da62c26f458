using Crosscheck.Claims;
using Crosscheck.Quantities;

namespace Crosscheck.Crosschecking;

/// <summary>One report's attribution, with what is needed to match it against other reports'.</summary>
internal sealed class ClaimMention
{
    /// <param name="newsroom">The report's copy group: copies and rewrites of one dispatch are one newsroom's work.</param>
    /// <param name="entityNamed">The canonical entity id a name or alias stands for, if any.</param>
    public ClaimMention(ArticleView article, Attribution attribution, IReadOnlyCollection<string> relays, string? newsroom = null, Func<string, string?>? entityNamed = null)
    {
        Article = article;
        Attribution = attribution;
        int start = attribution.Content.Start, end = attribution.Content.End;
        if (attribution.Source is Span source) { start = Math.Min(start, source.Start); end = Math.Max(end, source.End); }
        if (attribution.Cue is Span cue) { start = Math.Min(start, cue.Start); end = Math.Max(end, cue.End); }
        Extent = new Span(start, end);
        Content = article.Slice(attribution.Content).Trim();
        SpeakerText = attribution.Source is Span s ? article.Slice(s).Trim() : null;
        CueText = attribution.Cue is Span c ? article.Slice(c).Trim() : null;
        SpeakerId = attribution.SpeakerEntity is int index ? article.EntityIdOf(index) : null;
        string? speakerName = attribution.SpeakerEntity is int i && (uint)i < (uint)article.Entities.Entities.Length ? article.Entities.Entities[i].Name : null;
        // A place speaking: typed so by the entity stage, or a source the place stage resolved.
        SpeakerIsPlace = (attribution.SpeakerEntity is int pi && (uint)pi < (uint)article.Entities.Entities.Length
            && article.Entities.Entities[pi].Type == Crosscheck.Entities.EntityType.Place)
            || (attribution.Source is Span speakerSpan && article.Places.Any(p => speakerSpan.Contains(p.Span) && p.Span.Length >= speakerSpan.Length - 4));
        SpeakerIsRelay = (speakerName is not null && MediaSources.IsMedia(speakerName, relays))
            || (SpeakerText is not null && MediaSources.IsMedia(SpeakerText, relays));
        Newsroom = newsroom ?? article.Id;
        (PrimaryId, PrimaryIsPlace, PrimaryText) = ResolvePrimary(article, attribution, SpeakerIsRelay, SpeakerIsPlace, entityNamed);
        var primarySpan = !attribution.CitedSpans.IsDefaultOrEmpty && attribution.PrimarySource is Span cited ? cited : attribution.Source;
        OriginCountries = primarySpan is Span named ? CountriesWithin(article, named) : [];
        OriginWords = primarySpan is Span words ? Crosscheck.Entities.NameKeys.Normalize(article.Slice(words)) : "";
        if (SpeakerIsRelay && attribution.CitedSpans.IsDefaultOrEmpty && attribution.Source is Span relaySource)
        {
            // "..., the Meridian Press Agency reported": the agency's own reporting, as far as the text tells.
            string? relayId = attribution.SpeakerEntity is int r ? article.EntityIdOf(r) : null;
            var (namedId, _, namedText) = NamedByText(article.Slice(relaySource).Trim(), entityNamed);
            RelayOrigin = relayId ?? namedId ?? namedText;
        }
        Words = ContentWords.Of(Content);
        Entities = article.EntityIdsWithin(attribution.Content);
        foreach (var id in Entities) Words.Add("#" + id);
        var sentence = article.SentenceAround(Extent);
        ContentDates = article.DatesWithin(attribution.Content);
        // "Kyiv first said troops arrived in October and later reported clashes": the other claim's date is not this one's.
        Dates = ContentDates.Count > 0 ? ContentDates : article.DatesWithin(sentence,
            [.. article.Analyzed.Items(Layers.Claims).Where(a => a.Content != attribution.Content && sentence.Contains(a.Content)).Select(a => a.Content)]);
        foreach (var quantity in article.Quantities)
        {
            if (!attribution.Content.Contains(quantity.Span)) continue;
            if (Units.Normalize(quantity.Min, quantity.Max, quantity.Unit) is NormalizedAmount amount) Amounts.Add((quantity, amount));
        }
    }

    public ArticleView Article { get; }
    public Attribution Attribution { get; }
    public Span Extent { get; }
    public string Content { get; }
    public string? SpeakerText { get; }
    public string? CueText { get; }
    public string? SpeakerId { get; }
    public bool SpeakerIsRelay { get; }

    /// <summary>"Kyiv said": a capital or country speaking through an unnamed part of its government.</summary>
    public bool SpeakerIsPlace { get; }
    public HashSet<string> Words { get; }
    public HashSet<string> Entities { get; }
    /// <summary>Dates inside the content: what the claim is about, used to tell claims apart.</summary>
    public List<string> ContentDates { get; }

    /// <summary>Dates in the content, else in the sentence around it: where the claim goes on the timeline.</summary>
    public List<string> Dates { get; }
    public List<(Quantity Quantity, NormalizedAmount Amount)> Amounts { get; } = [];

    /// <summary>The report's copy group (its own id when it is nobody's copy).</summary>
    public string Newsroom { get; }

    /// <summary>
    /// The primary source as a canonical entity id: the first source of the relay chain when the
    /// speaker cites one ("X, citing Y, reported" gives Y), else the speaker unless the speaker
    /// only relays (an agency, an outlet); null when it resolves to no entity.
    /// </summary>
    public string? Origin => PrimaryId;

    /// <summary>The primary source is a place ("Kyiv said"): a vague metonym for part of its government.</summary>
    public bool OriginIsPlace => PrimaryIsPlace;

    /// <summary>
    /// The countries the primary source's own words name, as country codes (the place's name where the gazetteer gives
    /// none): "Ukraine's military intelligence" and "Kyiv" give UA, "Western officials" nothing.
    /// </summary>
    public HashSet<string> OriginCountries { get; }

    /// <summary>The primary source's own words, normalised ("ukraine military intelligence"); empty without a source.</summary>
    public string OriginWords { get; }

    /// <summary>
    /// Whether this named body is, by its own words, part of the government a place speaking stands for: it names the
    /// place's country ("Ukraine's military intelligence" for "Kyiv", "Ukrainian officials") or the place itself ("the
    /// Orland general staff" for "Orland"). A person, an international body or "Western officials" is no such part.
    /// </summary>
    public bool MaySpeakFor(ClaimMention place)
    {
        if (OriginCountries.Count > 0 && place.OriginCountries.Count > 0) return OriginCountries.Overlaps(place.OriginCountries);
        return place.OriginWords.Length > 0 && $" {OriginWords} ".Contains($" {place.OriginWords} ", StringComparison.Ordinal);
    }

    private static HashSet<string> CountriesWithin(ArticleView article, Span span)
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var place in article.Places)
        {
            if (span.Contains(place.Span)) countries.Add(place.CountryCode ?? place.Name.ToLowerInvariant());
        }
        return countries;
    }

    /// <summary>
    /// A primary source the text names as a particular body without a name the entity stage found
    /// ("the interior ministry", "a local hospital"), lower-cased without its article; null when
    /// the source resolved to an entity, is unnamed people ("witnesses", "officials"), a pronoun,
    /// a relay, or absent.
    /// </summary>
    public string? OriginText => PrimaryId is null ? PrimaryText : null;

    /// <summary>The relay that is the speaker when it cites nobody ("..., the agency reported"), by entity id or lower-cased name; null for unnamed media ("local media").</summary>
    public string? RelayOrigin { get; }

    private string? PrimaryId { get; }
    private bool PrimaryIsPlace { get; }
    private string? PrimaryText { get; }

    private static (string? Id, bool IsPlace, string? Text) ResolvePrimary(ArticleView article, Attribution attribution, bool speakerIsRelay, bool speakerIsPlace, Func<string, string?>? entityNamed)
    {
        var entities = article.Entities.Entities;
        bool cites = !attribution.CitedSpans.IsDefaultOrEmpty;
        if (!cites || attribution.PrimarySource is not Span primary)
        {
            if (attribution.Source is not Span source || speakerIsRelay) return (null, false, null);
            // "Nobody could yet say ...": the entity stage may take a capitalised "Nobody" for a name, but
            // it is the report's own line, not somebody every report quotes. "He said" is the person the
            // speaker stage resolved it to.
            string? id = attribution.SpeakerEntity is int e ? article.EntityIdOf(e) : null;
            if (IsPronoun(article.Slice(source)) && !(id is not null && IsPersonalPronounOfAPerson(article, source, attribution.SpeakerEntity!.Value))) return (null, false, null);
            // "officials in [the Kursk region]": people of a place do not speak for it; "monitors of
            // [the basin commission]" speak for their body.
            if ((id is null || speakerIsPlace) && PeopleBefore(article.Text, source.Start)) return (null, false, null);
            if (id is not null && !UnnamedPeople(article, source, attribution.SpeakerEntity!.Value)) return (id, speakerIsPlace, null);
            if (Possessive(article.Text, source) && EntityBefore(article, source.Start) is { } referent) return referent;
            return NamedByText(article.Slice(source).Trim(), entityNamed);
        }
        // The speaker cites its source: resolve that one as speakers are resolved.
        var cited = SpeakerResolver.Resolve(attribution with { Source = primary, SpeakerEntity = null, SpeakerSpan = null }, article.Text, article.Entities);
        string citedText = article.Slice(primary).Trim();
        if (IsPronoun(citedText)) return (null, false, null);
        if (cited.SpeakerEntity is int c && article.EntityIdOf(c) is { } citedId && !UnnamedPeople(article, primary, c))
        {
            bool place = (uint)c < (uint)entities.Length && entities[c].Type == Crosscheck.Entities.EntityType.Place;
            return (citedId, place, null);
        }
        return NamedByText(citedText, entityNamed);
    }

    /// <summary>
    /// The source names people without naming them, whatever entity was found in it: "Residents
    /// of Sudzha" (the entity is only in the modifier) or a lone plural the entity stage took for
    /// a name at the start of a sentence ("Eyewitnesses recalled").
    /// </summary>
    private static bool UnnamedPeople(ArticleView article, Span source, int entity)
    {
        var (head, headEnd) = HeadOf(article.Text, source);
        if (head is null || !IsPeople(head) || head.Skip(1).Any(char.IsUpper)) return false;
        var mentions = article.Entities.Mentions;
        for (int i = FirstMentionAtOrAfter(mentions, source.Start); i < mentions.Length && mentions[i].Span.Start < source.End; i++)
        {
            var mention = mentions[i];
            if (mention.Entity != entity || !source.Contains(mention.Span)) continue;
            // A place in a modifier after the head ("Residents of Sudzha"): the speaker is the
            // head's people. A body there ("monitors of the commission") is whom they speak for.
            if (mention.Span.Start >= headEnd) return mention.Type == Crosscheck.Entities.EntityType.Place || IsPlaceEntity(article, entity);
        }
        // A lone plural common word taken for a name ("Witnesses said").
        return article.Slice(source).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => !Determiners.Contains(w)) == 1;
    }

    /// <summary>
    /// The source found is only the object of a preposition whose head is people: "officials in
    /// [the Kursk region] warned", "people living in [Sudzha] spoke". The speaker is those people.
    /// </summary>
    private static bool PeopleBefore(string text, int start)
    {
        var words = WordsBefore(text, start, 4);
        int i = 0;
        if (i < words.Count && Articles.Contains(words[i])) i++;
        if (i >= words.Count || !PeoplePrepositions.Contains(words[i])) return false;
        i++;
        if (i < words.Count && words[i] is "living" or "based" or "working") i++;
        return i < words.Count && IsPeople(words[i]);
    }

    /// <summary>Up to <paramref name="count"/> words before <paramref name="start"/>, nearest first, stopping at punctuation.</summary>
    private static List<string> WordsBefore(string text, int start, int count)
    {
        var words = new List<string>(count);
        int i = start - 1;
        while (words.Count < count && i >= 0)
        {
            while (i >= 0 && text[i] == ' ') i--;
            int end = i + 1;
            while (i >= 0 && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '\'' or '’')) i--;
            if (i + 1 == end) break;
            words.Add(text[(i + 1)..end]);
        }
        return words;
    }

    private static bool Possessive(string text, Span source)
    {
        var first = text.AsSpan(source.Start, source.Length).TrimStart();
        int space = first.IndexOf(' ');
        return space > 0 && first[..space] is "its" or "Its" or "their" or "Their";
    }

    /// <summary>"Its government" is the government of the last country or body named before it in the sentence.</summary>
    private static (string? Id, bool IsPlace, string? Text)? EntityBefore(ArticleView article, int start)
    {
        int sentenceStart = article.SentenceAround(new Span(start, start)).Start;
        var entities = article.Entities.Entities;
        for (int i = FirstMentionAtOrAfter(article.Entities.Mentions, start) - 1; i >= 0; i--)
        {
            var m = article.Entities.Mentions[i];
            if (m.Span.End > start) continue;
            if (m.Span.Start < sentenceStart) break;
            if ((uint)m.Entity >= (uint)entities.Length) continue;
            var type = entities[m.Entity].Type;
            if (type is not (Crosscheck.Entities.EntityType.Place or Crosscheck.Entities.EntityType.Organization)) continue;
            if (article.EntityIdOf(m.Entity) is { } id) return (id, type == Crosscheck.Entities.EntityType.Place, null);
        }
        return null;
    }

    /// <summary>
    /// A plural common noun news prose writes in lower case: "officials", "residents", or a
    /// compound of two such words ("eyewitnesses", "firefighters"), which a surname is not.
    /// </summary>
    private static bool IsPeople(string word)
    {
        var lower = word.ToLowerInvariant();
        if (UnnamedHeads.Contains(lower)) return true;
        if (!IsPlural(lower)) return false;
        var lowercase = Crosscheck.Entities.Truecaser.Default;
        if (lowercase.IsUsuallyLowercase(lower)) return true;
        for (int split = 3; split <= lower.Length - 5; split++)
        {
            if (lowercase.IsUsuallyLowercase(lower.AsSpan(0, split)) && lowercase.IsUsuallyLowercase(lower.AsSpan(split))) return true;
        }
        return false;
    }

    private static readonly HashSet<string> PeoplePrepositions = new(["in", "of", "from", "at", "near", "across", "around"], StringComparer.Ordinal);

    /// <summary>Mentions are in text order: the first one starting at or after <paramref name="offset"/>.</summary>
    private static int FirstMentionAtOrAfter(System.Collections.Immutable.ImmutableArray<Crosscheck.Entities.EntityMention> mentions, int offset)
    {
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Span.Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static bool IsPlaceEntity(ArticleView article, int entity) =>
        (uint)entity < (uint)article.Entities.Entities.Length && article.Entities.Entities[entity].Type == Crosscheck.Entities.EntityType.Place;

    /// <summary>The head word of a source phrase (the last word before a modifier) and where it ends in the text.</summary>
    private static (string? Head, int End) HeadOf(string text, Span source)
    {
        string? head = null;
        int end = source.Start;
        int i = source.Start;
        while (i < source.End)
        {
            while (i < source.End && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < source.End && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '\'' or '’')) i++;
            if (i == start) break;
            var word = text[start..i];
            if (HeadEnds.Contains(word)) break;
            if (!Determiners.Contains(word) || head is not null) { head = word; end = i; }
        }
        return (head, end);
    }

    /// <summary>
    /// A source phrase the entity stage did not resolve. A particular body ("the interior
    /// ministry", "a local hospital") is an origin of its own, the same wherever it is quoted;
    /// unnamed people ("witnesses", "officials in the region", "they") are not, because two
    /// reports' witnesses cannot be told to be the same or different people.
    /// </summary>
    internal static (string? Id, bool IsPlace, string? Text) NamedByText(string phrase, Func<string, string?>? entityNamed)
    {
        var words = phrase.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', ';', ':', '"', '\'', '’', '(', ')')).Where(w => w.Length > 0).ToList();
        int start = 0;
        while (start < words.Count && Determiners.Contains(words[start])) start++;
        // The head comes before its modifiers: "officials in the region", "the government of X".
        int end = start;
        while (end < words.Count && !HeadEnds.Contains(words[end])) end++;
        if (end <= start) return (null, false, null);
        string head = words[end - 1].ToLowerInvariant();
        if (Pronouns.Contains(head) || IsPeople(head) || (IsPlural(head) && words[end - 1].All(char.IsLower))) return (null, false, null);
        // A particular body is a noun phrase with an article ("the interior ministry", "a local
        // hospital") or a capitalised name; "its government" points back to an earlier name, and a
        // bare lower-case word ("yet") is the attribution rules' mistake, not a source.
        bool withArticle = Articles.Contains(words[0]);
        bool capitalised = words.Skip(start).Any(w => char.IsUpper(w[0]));
        if (!withArticle && !capitalised) return (null, false, null);
        var name = string.Join(' ', words.SkipWhile(w => Articles.Contains(w)));
        if (entityNamed?.Invoke(name) is { } id) return (id, false, null);
        return (null, false, name.ToLowerInvariant());
    }

    /// <summary>"he" or "she" standing for a person the speaker stage resolved it to.</summary>
    private static bool IsPersonalPronounOfAPerson(ArticleView article, Span source, int entity)
    {
        var phrase = article.Slice(source).Trim();
        bool personal = phrase.Equals("he", StringComparison.OrdinalIgnoreCase) || phrase.Equals("she", StringComparison.OrdinalIgnoreCase);
        return personal && (uint)entity < (uint)article.Entities.Entities.Length
            && article.Entities.Entities[entity].Type == Crosscheck.Entities.EntityType.Person;
    }

    private static bool IsPronoun(string source)
    {
        var phrase = source.Trim().ToLowerInvariant();
        return Pronouns.Contains(phrase) || phrase is "no one" or "no-one" or "none" or "everyone" or "everybody";
    }

    private static bool IsPlural(string word) =>
        UnnamedHeads.Contains(word) || (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal));

    private static readonly HashSet<string> Articles = new(["the", "a", "an"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Determiners = new(["the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "some", "several", "many", "local"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> HeadEnds = new(["in", "of", "from", "at", "near", "with", "for", "on", "who", "which", "that", "living", "based", "close", "across", "familiar", "speaking", "and", "or"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Pronouns = new(["he", "she", "they", "it", "we", "i", "you", "one", "someone", "somebody", "anyone", "nobody", "who", "people", "others"], StringComparer.Ordinal);
    // Heads naming people, not one body, that do not end in -s.
    private static readonly HashSet<string> UnnamedHeads = new(["people", "staff", "personnel", "media", "press", "crew", "public", "folk", "children", "men", "women"], StringComparer.Ordinal);

    /// <summary>
    /// How surely two mentions state the same proposition, 0..1, or -1 when they cannot: their
    /// dates exclude each other or their figures for the same thing disagree.
    /// </summary>
    public double Match(ClaimMention other, Func<string, double> wordWeight)
    {
        if (ContentDates.Count > 0 && other.ContentDates.Count > 0 && !AnyCompatibleDate(ContentDates, other.ContentDates)) return -1;
        double similarity = ContentWords.WeightedDice(Words, other.Words, wordWeight);
        bool comparable = false, agree = false;
        foreach (var (q1, a1) in Amounts)
        {
            foreach (var (q2, a2) in other.Amounts)
            {
                if (a1.Dimension != a2.Dimension || q1.Casualty != q2.Casualty) continue;
                comparable = true;
                // "several thousand" already spans every reading it allows: widening it again would let "several
                // thousand troops were sent" state the same as "11,000 troops are in Kursk". "About 300" is a rounded
                // figure like "300" and keeps the tolerance.
                double tolerance = IsVague(q1) || IsVague(q2) ? 0 : QuantityTolerance;
                if (a1.Agrees(a2, tolerance)) agree = true;
            }
        }
        if (comparable && !agree) return -1;
        if (agree) similarity += 0.15;
        // A claim built on a figure and one with no figure at all are rarely the same proposition,
        // however many story words they share ("at least 30 killed" vs "began deploying them").
        else if (Amounts.Count > 0 != other.Amounts.Count > 0) similarity -= 0.15;
        // Figures of different things ("30 killed or wounded" and "11,000 troops in Kursk") tell different propositions too.
        else if (Amounts.Count > 0 && !comparable) similarity -= 0.15;
        return Math.Min(1, similarity);
    }

    /// <summary>A vague amount ("several thousand", "dozens"): a hedged interval at least half as wide again as its low end.</summary>
    private static bool IsVague(Quantity q) => q.Approximate && q.Min is double min && q.Max is double max && max >= 1.5 * min;

    /// <summary>The similarity needed to group: lower when the same speaker says it, higher between different primary sources.</summary>
    public double ThresholdWith(ClaimMention other)
    {
        // Within one report, different sentences by one speaker are usually different points.
        if (ReferenceEquals(Article, other.Article)) return 0.55;
        if (SpeakerId is not null && SpeakerId == other.SpeakerId) return 0.30;
        if (Origin is null || other.Origin is null) return 0.40;
        return 0.50;
    }

    /// <summary>Relative tolerance for figures: reports round ("some 300", "about 800").</summary>
    public const double QuantityTolerance = 0.10;

    private static bool AnyCompatibleDate(List<string> a, List<string> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (DisplayDates.Compatible(x, y)) return true;
            }
        }
        return false;
    }
}
