using Crosscheck.Places;
using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Crosscheck.Entities;

/// <summary>
/// Merges per-report entities across reports. Candidates are found only through dictionaries of
/// keys (blocking), never by comparing all pairs:
/// <list type="number">
/// <item>the alias table (<see cref="AliasTable"/>): HUR/GUR/Main Intelligence Directorate, DPRK/North Korea;</item>
/// <item>equal transliteration keys of any name or alias within a type (Zelensky = Zelenskyy = Selenskyj);
/// groups by nationality and head-noun kind ("North Korean troops" = "North Korean soldiers");</item>
/// <item>acronyms against names whose initials spell them, when exactly one cluster fits;</item>
/// <item>persons: the same surname key with compatible given names ("V. Zelensky", "Vladimir
/// Zelensky"), and a lone surname only when one full-name cluster has it ("Kim" stays apart when
/// both "Kim Jong-un" and "Kim Yo-jong" are present).</item>
/// <item>organisations: a name that begins one longer name whose other words are generic ("AirTran" /
/// "AirTran Airways"), or ends one whose leading words name a place or nationality ("Red Sox" / "Boston Red Sox").</item>
/// </list>
/// Ids are "e1", "e2", ... in order of first appearance (report order, then entity order).
/// </summary>
public sealed class CrossReportEntityLinker : IEntityLinker
{
    private readonly AliasTable _aliases;

    public CrossReportEntityLinker() : this(AliasTable.Default) { }

    public CrossReportEntityLinker(AliasTable aliases) => _aliases = aliases ?? throw new ArgumentNullException(nameof(aliases));

    private sealed record Node(ArticleEntityRef Ref, ArticleEntity Entity, string[] Keys, string[] Words);

    public EntityLinking Link(IReadOnlyList<AnalyzedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var nodes = new List<Node>();
        foreach (var article in articles)
        {
            if (!article.TryGet(Layers.Entities, out var layer)) continue;
            foreach (var entity in layer.Entities)
            {
                var keys = new List<string>(1 + entity.Aliases.Length);
                AddKey(keys, entity.Type, entity.Name);
                // Lower-case aliases are descriptions ("military intelligence agency"), not names: they never key a merge.
                foreach (var alias in entity.Aliases)
                {
                    // Acronym aliases are left to the alias table and the initials check: "AP" beside
                    // "WASHINGTON" in one report must not chain every dateline city together.
                    if (alias.Length > 0 && !char.IsLower(alias[0]) && !NameKeys.LooksLikeAcronym(alias)) AddKey(keys, entity.Type, alias);
                }
                var words = (Crosscheck.Language.Transliteration.Default.HasCyrillic(entity.Name)
                    ? NameKeys.CrossScriptKey(entity.Name)
                    : NameKeys.Transliteration(NameKeys.Normalize(entity.Name))).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                nodes.Add(new Node(new ArticleEntityRef(article.Article.Id, entity.Index), entity, [.. keys], words));
            }
        }
        var sets = new DisjointSets(nodes.Count);
        var canonicalOf = new Dictionary<int, int>();
        LinkByAliasTable(nodes, sets, canonicalOf);
        LinkByKeys(nodes, sets);
        LinkAcronyms(nodes, sets);
        LinkPersons(nodes, sets, CanonicalGivenNames(nodes, canonicalOf));
        LinkDemonymsToTheirCountry(articles, nodes, sets);
        LinkOrganizationPrefixes(nodes, sets);
        LinkOrganizationsAfterTheirPlace(nodes, sets);
        LinkOneWordNamesToTheirMajorityType(nodes, sets, canonicalOf);
        return Build(nodes, sets, canonicalOf);
    }

    private static void AddKey(List<string> keys, EntityType type, string name)
    {
        var normalized = NameKeys.Normalize(name);
        if (normalized.Length == 0) return;
        string key = type == EntityType.Group
            ? WithinReportGrouper.GroupKey(normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : $"{TypeFamily(type, normalized)}|{NameKeys.Transliteration(normalized)}";
        if (!keys.Contains(key)) keys.Add(key);
        if (type == EntityType.Organization)
        {
            // Organisations also key among organisations only, where a name without its legal form
            // meets the name with it ("Apple Inc." / "Apple") and never a place ("Hong Kong Holdings").
            AddOrganizationKey(keys, normalized);
            if (WithoutCompanySuffix(normalized) is { } shortened) AddOrganizationKey(keys, shortened);
        }
        // A name in Cyrillic or ISO 9 also keys under its plain Latin spelling, so "Зеленський"
        // meets "Zelenskyy"; the original key stays, so "Babiš" still meets "Babis".
        if (type != EntityType.Group && Crosscheck.Language.Transliteration.Default.LatinForMatching(name) is var latin && !ReferenceEquals(latin, name))
        {
            var crossScriptName = NameKeys.CrossScriptKey(latin);
            string crossScript = $"{TypeFamily(type, crossScriptName)}|{crossScriptName}";
            if (!keys.Contains(crossScript)) keys.Add(crossScript);
        }
    }

    // The tail words as the linker's name words spell them (transliteration keys: "airways" → "airvays").
    private static readonly FrozenSet<string> TailKeys =
        Lexicons.OrganizationTails.Select(t => NameKeys.Transliteration(NameKeys.Normalize(t))).ToFrozenSet(StringComparer.Ordinal);

    private static void AddOrganizationKey(List<string> keys, string normalized)
    {
        string key = $"org|{NameKeys.Transliteration(normalized)}";
        if (!keys.Contains(key)) keys.Add(key);
    }

    /// <summary>"apple inc" → "apple"; null when no legal-form word ends the name or nothing would remain.</summary>
    private static string? WithoutCompanySuffix(string normalized)
    {
        string rest = normalized;
        while (rest.LastIndexOf(' ') is int space and > 0 && Lexicons.CompanySuffixes.Contains(rest[(space + 1)..])) rest = rest[..space];
        return rest.Length < normalized.Length ? rest : null;
    }

    /// <summary>
    /// Which types may share a name key. The recogniser types one name differently from report to
    /// report ("Kansas City Chiefs" a place here, a team there), and a name of several words names
    /// one thing whatever its type. One word is too little: "Bush" the person is not a place, and
    /// "Pyongyang" acting is the state while "Pyongyang" on the map is the city.
    /// </summary>
    private static string TypeFamily(EntityType type, string normalized)
    {
        if (type != EntityType.Group && normalized.Contains(' ', StringComparison.Ordinal)) return "name";
        return ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private void LinkByAliasTable(List<Node> nodes, DisjointSets sets, Dictionary<int, int> canonicalOf)
    {
        var first = new Dictionary<int, int>();
        for (int i = 0; i < nodes.Count; i++)
        {
            var entity = nodes[i].Entity;
            int canonical = _aliases.Lookup(entity.Name, entity.Type);
            for (int a = 0; canonical < 0 && a < entity.Aliases.Length; a++) canonical = _aliases.Lookup(entity.Aliases[a], entity.Type);
            if (canonical < 0) continue;
            canonicalOf[i] = canonical;
            if (first.TryGetValue(canonical, out int anchor)) sets.Union(anchor, i);
            else first[canonical] = i;
        }
    }

    private static void LinkByKeys(List<Node> nodes, DisjointSets sets)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            foreach (var key in nodes[i].Keys)
            {
                // A bare person surname is not a key for merging; LinkPersons decides those.
                if (nodes[i].Entity.Type == EntityType.Person && key.IndexOf(' ') < 0) continue;
                if (owner.TryGetValue(key, out int other)) sets.Union(other, i);
                else owner[key] = i;
            }
        }
    }

    private static void LinkAcronyms(List<Node> nodes, DisjointSets sets)
    {
        var byInitials = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            var entity = nodes[i].Entity;
            if (entity.Type == EntityType.Person || nodes[i].Words.Length < 2 || NameKeys.LooksLikeAcronym(entity.Name)) continue;
            var key = $"{(int)entity.Type}|{NameKeys.Initials(NameKeys.Normalize(entity.Name))}";
            if (!byInitials.TryGetValue(key, out var list)) byInitials[key] = list = [];
            list.Add(i);
        }
        for (int i = 0; i < nodes.Count; i++)
        {
            var entity = nodes[i].Entity;
            if (entity.Type == EntityType.Person || !NameKeys.LooksLikeAcronym(entity.Name)) continue;
            if (!byInitials.TryGetValue($"{(int)entity.Type}|{NameKeys.Normalize(entity.Name).Replace(" ", "", StringComparison.Ordinal)}", out var expansions)) continue;
            int root = -1;
            bool unique = true;
            foreach (int e in expansions)
            {
                int r = sets.Find(e);
                if (root >= 0 && r != root) unique = false;
                root = r;
            }
            if (unique && root >= 0) sets.Union(root, i);
        }
    }

    /// <summary>
    /// The given name of the full name the alias table gives a person a report names only in part
    /// ("Putin" is Vladimir Putin), keyed by that report: a lone "Vladimir" joins him only where the
    /// same report names him, since a first name alone elsewhere in the pile ("Vladimir, a drone
    /// operator who gave only his first name") is somebody else. Keyed by report, each list stays as
    /// short as one report's mentions of the person.
    /// </summary>
    private Dictionary<(string Article, string Given), List<int>> CanonicalGivenNames(List<Node> nodes, Dictionary<int, int> canonicalOf)
    {
        var byGiven = new Dictionary<(string Article, string Given), List<int>>();
        foreach (var (node, canonical) in canonicalOf)
        {
            var entry = _aliases.Canonicals[canonical];
            if (entry.Type != EntityType.Person || nodes[node].Entity.Type != EntityType.Person) continue;
            var full = NameKeys.Transliteration(NameKeys.Normalize(entry.Name)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (full.Length < 2) continue;
            var key = (nodes[node].Ref.Article, full[0]);
            if (!byGiven.TryGetValue(key, out var list)) byGiven[key] = list = [];
            list.Add(node);
        }
        return byGiven;
    }

    private static void LinkPersons(List<Node> nodes, DisjointSets sets, Dictionary<(string Article, string Given), List<int>> canonicalGiven)
    {
        // Full names: same surname key, and given names that agree (equal consonant skeleton or one is an initial).
        var bySurname = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Entity.Type != EntityType.Person || nodes[i].Words.Length < 2) continue;
            var surname = nodes[i].Words[^1];
            if (!bySurname.TryGetValue(surname, out var list)) bySurname[surname] = list = [];
            list.Add(i);
        }
        foreach (var list in bySurname.Values)
        {
            var byGiven = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (int i in list)
            {
                var given = Skeleton(string.Join(' ', nodes[i].Words, 0, nodes[i].Words.Length - 1));
                if (byGiven.TryGetValue(given, out int other)) sets.Union(other, i);
                else byGiven[given] = i;
            }
            if (list.Count > 64) continue;
            // Extra leading words ("RB Pierre Thomas", "Gaetano Lo Presti" beside "Lo Presti"): the
            // names join when one's given words end the other's, and only one cluster fits.
            foreach (int i in list)
            {
                int match = -1;
                bool unique = true;
                foreach (int j in list)
                {
                    if (j == i || !GivenNamesNest(nodes[i].Words, nodes[j].Words)) continue;
                    int r = sets.Find(j);
                    if (match >= 0 && r != match) unique = false;
                    match = r;
                }
                if (unique && match >= 0) sets.Union(match, i);
            }
            // An initial ("V Zelensky") joins the one given name that starts with it, if only one does.
            foreach (int i in list)
            {
                var words = nodes[i].Words;
                if (words.Length != 2 || words[0].Length != 1) continue;
                int match = -1;
                bool unique = true;
                foreach (int j in list)
                {
                    if (j == i || nodes[j].Words[0].Length == 1 || nodes[j].Words[0][0] != words[0][0]) continue;
                    int r = sets.Find(j);
                    if (match >= 0 && r != match) unique = false;
                    match = r;
                }
                if (unique && match >= 0) sets.Union(match, i);
            }
        }

        // Lone names: "Zelensky" joins the only full-name cluster whose first or last word it is.
        var byPart = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Entity.Type != EntityType.Person || nodes[i].Words.Length < 2) continue;
            var words = nodes[i].Words;
            AddPart(byPart, words[^1], i);
            AddPart(byPart, words[0], i);
        }
        var loneOwner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Entity.Type != EntityType.Person || nodes[i].Words.Length != 1) continue;
            var word = nodes[i].Words[0];
            var full = byPart.GetValueOrDefault(word);
            var sameReport = canonicalGiven.GetValueOrDefault((nodes[i].Ref.Article, word));
            if (full is not null || sameReport is not null)
            {
                int root = -1;
                bool unique = true, surname = false, namedInThisReport = sameReport is not null;
                foreach (int f in (full ?? []).Concat(sameReport ?? []))
                {
                    if (f == i) continue;
                    int r = sets.Find(f);
                    if (root >= 0 && r != root) unique = false;
                    root = r;
                    if (nodes[f].Words.Length >= 2 && nodes[f].Words[^1] == word) surname = true;
                    if (nodes[f].Ref.Article == nodes[i].Ref.Article) namedInThisReport = true;
                }
                // A surname alone names the person across reports; a given name alone ("Vladimir, who
                // gave only his first name") is somebody else unless the same report names the full name.
                if (unique && root >= 0 && (surname || namedInThisReport))
                {
                    sets.Union(root, i);
                    continue;
                }
            }
            // No full name anywhere, or several that it could be ("Kim" beside "Kim Jong-un" and "Kim
            // Yo-jong"): equal lone names are one entity of their own, not one entity per report.
            if (loneOwner.TryGetValue(word, out int other)) sets.Union(other, i);
            else loneOwner[word] = i;
        }
    }

    /// <summary>
    /// "South Korean officials said", "the Russian side": a nationality that speaks for the state
    /// (<see cref="SpeaksForTheState"/>; "North Korean soldiers" stays a group) joins the
    /// country the reports name, when the places stage read every mention of both as that one country
    /// and only one entity of the pile is that country.
    /// </summary>
    private static void LinkDemonymsToTheirCountry(IReadOnlyList<AnalyzedArticle> articles, List<Node> nodes, DisjointSets sets)
    {
        var countryOf = new Dictionary<ArticleEntityRef, string>();
        foreach (var article in articles)
        {
            if (!article.TryGet(Layers.Entities, out var layer) || !article.TryGet(Layers.Places, out var places) || places.IsDefaultOrEmpty) continue;
            var byStart = new Dictionary<int, ResolvedPlace>();
            foreach (var place in places)
            {
                if (place.Precision == PlacePrecision.Country && place.CountryCode is not null) byStart.TryAdd(place.Span.Start, place);
            }
            var disagree = new HashSet<int>();
            var text = article.Article.Text;
            foreach (var mention in layer.Mentions)
            {
                if (mention.Type is not (EntityType.Group or EntityType.Place)) continue;
                var key = new ArticleEntityRef(article.Article.Id, mention.Entity);
                string? code = byStart.TryGetValue(mention.Span.Start, out var p) && p.WrittenAsDemonym == (mention.Type == EntityType.Group)
                    && (mention.Type == EntityType.Place || SpeaksForTheState(text, mention.Span)) ? p.CountryCode : null;
                if (code is null || (countryOf.TryGetValue(key, out var earlier) && earlier != code)) disagree.Add(mention.Entity);
                else countryOf[key] = code;
            }
            foreach (int entity in disagree) countryOf.Remove(new ArticleEntityRef(article.Article.Id, entity));
        }
        if (countryOf.Count == 0) return;
        var countryRoots = new Dictionary<string, int>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Entity.Type != EntityType.Place || !countryOf.TryGetValue(nodes[i].Ref, out var code)) continue;
            int root = sets.Find(i);
            if (countryRoots.TryGetValue(code, out int known) && sets.Find(known) != root) ambiguous.Add(code);
            else countryRoots[code] = root;
        }
        // "North Koreans were fighting": the plural names people of the country, not the state; a
        // group that anywhere in the pile is written so stays a group.
        var peopleRoots = new HashSet<int>();
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Entity.Type == EntityType.Group && (IsPluralDemonym(nodes[i].Entity.Name) || nodes[i].Entity.Aliases.Any(IsPluralDemonym))) peopleRoots.Add(sets.Find(i));
        }
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Entity.Type != EntityType.Group || !countryOf.TryGetValue(nodes[i].Ref, out var code) || ambiguous.Contains(code)) continue;
            if (!countryRoots.TryGetValue(code, out int country) || peopleRoots.Contains(sets.Find(i))) continue;
            sets.Union(country, i);
        }
    }

    private static bool IsPluralDemonym(string name) =>
        EntityRules.LooksPlural(name) && EntityRules.IsNationalityWord(name.AsSpan(name.LastIndexOf(' ') + 1)[..^1]);

    /// <summary>
    /// "South Korean officials said", "the Russian side": a demonym that stands for the state is written
    /// alone before punctuation, a capitalised word or a verb, or with a noun for the state's voice.
    /// "Ukrainian refugees", "Russian oligarchs" and "North Korean soldiers" are people of the country,
    /// not the state; so are the nouns the list does not know.
    /// </summary>
    private static bool SpeaksForTheState(string text, Span mention)
    {
        var written = mention.SliceOf(text);
        var lastWritten = written[(written.LastIndexOf(' ') + 1)..];
        if (!EntityRules.IsNationalityWord(lastWritten)) return Lexicons.Contains(StateVoiceNouns, lastWritten);
        // "North Koreans were fighting": the plural names the people.
        if (EntityRules.LooksPlural(lastWritten)) return false;
        var rest = text.AsSpan(mention.End, Math.Min(40, text.Length - mention.End)).TrimStart(' ');
        int stop = 0;
        while (stop < rest.Length && char.IsLetter(rest[stop])) stop++;
        var next = rest[..stop];
        if (next.IsEmpty || !char.IsLower(next[0]) || Lexicons.Contains(StateVoiceNouns, next)) return true;
        // "South Korean said" (a headline's shorthand) speaks; "Ukrainian and Russian soldiers" may not, so "and" is not listed.
        return Lexicons.Contains(VerbsAfterADemonym, next);
    }

    private static readonly FrozenSet<string> StateVoiceNouns = new[]
    {
        "officials", "official", "authorities", "government", "side", "leadership", "administration", "state", "regime", "delegation", "counterparts",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> VerbsAfterADemonym = new[]
    {
        "said", "says", "has", "had", "was", "is", "will", "would", "also", "denied", "warned", "claimed",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "AirTran" joins "AirTran Airways" and "China Eastern" joins "China Eastern Airlines": an
    /// organisation named by the leading words of exactly one longer organisation's name whose
    /// other words only say what kind of body it is (<see cref="Lexicons.OrganizationTails"/>).
    /// </summary>
    private static void LinkOrganizationPrefixes(List<Node> nodes, DisjointSets sets)
    {
        var byPrefix = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            var words = nodes[i].Words;
            if (nodes[i].Entity.Type != EntityType.Organization || words.Length is < 2 or > 6) continue;
            // "Ukraine's military intelligence" belongs to Ukraine; it is not another name of it.
            if (nodes[i].Entity.Name.Contains("'s ", StringComparison.Ordinal) || nodes[i].Entity.Name.Contains("’s ", StringComparison.Ordinal)) continue;
            for (int length = 1; length < words.Length; length++)
            {
                var prefix = string.Join(' ', words, 0, length);
                if (!byPrefix.TryGetValue(prefix, out var list)) byPrefix[prefix] = list = [];
                if (list.Count < 64) list.Add(i);
            }
        }
        for (int i = 0; i < nodes.Count; i++)
        {
            var entity = nodes[i].Entity;
            if (entity.Type != EntityType.Organization || NameKeys.LooksLikeAcronym(entity.Name)) continue;
            if (!byPrefix.TryGetValue(string.Join(' ', nodes[i].Words), out var candidates)) continue;
            int prefixLength = nodes[i].Words.Length;
            int root = -1;
            bool unique = true, genericTail = false;
            foreach (int l in candidates)
            {
                int r = sets.Find(l);
                if (root >= 0 && r != root) unique = false;
                root = r;
                // Only a generic tail makes the longer name the same body: "AirTran Airways", not "China Daily".
                genericTail |= nodes[l].Words.Skip(prefixLength).All(TailKeys.Contains);
            }
            if (unique && genericTail && root >= 0) sets.Union(root, i);
        }
    }

    /// <summary>
    /// "Red Sox" joins "Boston Red Sox", "Navy" joins "Indian Navy", "Post" joins "Washington Post": an
    /// organisation named by the trailing words of exactly one longer organisation's name whose leading
    /// words (one or two) only say where it is from: a nationality, or a place the reports name as a place
    /// (a gazetteer would make "White House" end in "House"). With both "Russian Army" and "Ukrainian
    /// Army" in the pile, "Army" stays apart.
    /// </summary>
    private static void LinkOrganizationsAfterTheirPlace(List<Node> nodes, DisjointSets sets)
    {
        var placesNamed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes) if (node.Entity.Type == EntityType.Place) placesNamed.Add(NameKeys.Normalize(node.Entity.Name));
        var bySuffix = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            var entity = nodes[i].Entity;
            var words = nodes[i].Words;
            if (entity.Type != EntityType.Organization || words.Length is < 2 or > 6 || entity.Name.Contains('\'') || entity.Name.Contains('’')) continue;
            var plain = NameKeys.Normalize(entity.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (plain.Length != words.Length) continue;
            for (int lead = 1; lead <= 2 && lead < words.Length; lead++)
            {
                if (!(lead == 1 && Lexicons.Nationalities.Contains(plain[0]) || placesNamed.Contains(string.Join(' ', plain, 0, lead)))) continue;
                var suffix = string.Join(' ', words, lead, words.Length - lead);
                if (!bySuffix.TryGetValue(suffix, out var list)) bySuffix[suffix] = list = [];
                if (list.Count < 64) list.Add(i);
            }
        }
        for (int i = 0; i < nodes.Count; i++)
        {
            var entity = nodes[i].Entity;
            if (entity.Type != EntityType.Organization || NameKeys.LooksLikeAcronym(entity.Name)) continue;
            if (!bySuffix.TryGetValue(string.Join(' ', nodes[i].Words), out var candidates)) continue;
            int root = -1;
            bool unique = true;
            foreach (int l in candidates)
            {
                int r = sets.Find(l);
                if (root >= 0 && r != root) unique = false;
                root = r;
            }
            if (unique && root >= 0) sets.Union(root, i);
        }
    }

    /// <summary>
    /// One name, one thing per story: when reports type the same one-word name differently ("Saints" a
    /// team in most reports and a place in one, "Teixeira" a person in most and a place in one), the
    /// few join the many, provided the many form one entity and outnumber the rest at least two to
    /// one, and the report of a few does not also use the name as the many's type. Names the alias table knows are left as it says ("Pyongyang" acting is the state, not
    /// the city); groups and units keep their own keys.
    /// </summary>
    private static void LinkOneWordNamesToTheirMajorityType(List<Node> nodes, DisjointSets sets, Dictionary<int, int> canonicalOf)
    {
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            var type = nodes[i].Entity.Type;
            if (nodes[i].Words.Length != 1 || type is not (EntityType.Person or EntityType.Place or EntityType.Organization or EntityType.Other)
                || canonicalOf.ContainsKey(i) || NameKeys.LooksLikeAcronym(nodes[i].Entity.Name)) continue;
            if (!byWord.TryGetValue(nodes[i].Words[0], out var list)) byWord[nodes[i].Words[0]] = list = [];
            list.Add(i);
        }
        foreach (var list in byWord.Values)
        {
            if (list.Count < 3) continue;
            var majority = list.GroupBy(i => nodes[i].Entity.Type).OrderByDescending(g => g.Count()).First();
            if (majority.Count() < 2 * (list.Count - majority.Count()) || majority.Count() == list.Count) continue;
            int root = -1;
            bool unique = true;
            foreach (int i in majority)
            {
                int r = sets.Find(i);
                if (root >= 0 && r != root) unique = false;
                root = r;
            }
            if (!unique) continue;
            foreach (int i in list)
            {
                // A report that has the name as both types has told them apart itself.
                if (nodes[i].Entity.Type == majority.Key || majority.Any(m => nodes[m].Ref.Article == nodes[i].Ref.Article)) continue;
                sets.Union(root, i);
            }
        }
    }

    /// <summary>True when the words before the shared surname of one name end those of the other, and differ in length.</summary>
    private static bool GivenNamesNest(string[] a, string[] b)
    {
        if (a.Length == b.Length) return false;
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        int offset = longer.Length - shorter.Length;
        for (int k = 0; k < shorter.Length - 1; k++)
        {
            if (Skeleton(shorter[k]) != Skeleton(longer[k + offset])) return false;
        }
        return true;
    }

    private static void AddPart(Dictionary<string, List<int>> byPart, string part, int node)
    {
        if (!byPart.TryGetValue(part, out var list)) byPart[part] = list = [];
        if (list.Count < 256) list.Add(node);
    }

    // "volodimir" and "vladimir" share "vldmr": given names differ mostly in vowels across transliterations;
    // a short form counts as its full name first ("Fred" as Frederick).
    private static string Skeleton(string given)
    {
        var chars = new System.Text.StringBuilder(given.Length);
        foreach (var word in given.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (char c in GivenNames.Default.FullForm(word))
            {
                if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y') continue;
                chars.Append(c);
            }
        }
        return chars.Length == 0 ? given : chars.ToString();
    }

    private EntityLinking Build(List<Node> nodes, DisjointSets sets, Dictionary<int, int> canonicalOf)
    {
        var clusterOf = new Dictionary<int, int>();
        var clusters = new List<List<int>>();
        for (int i = 0; i < nodes.Count; i++)
        {
            int root = sets.Find(i);
            if (!clusterOf.TryGetValue(root, out int c))
            {
                c = clusters.Count;
                clusterOf[root] = c;
                clusters.Add([]);
            }
            clusters[c].Add(i);
        }
        var entities = ImmutableArray.CreateBuilder<LinkedEntity>(clusters.Count);
        var idOf = new Dictionary<ArticleEntityRef, string>(nodes.Count);
        for (int c = 0; c < clusters.Count; c++)
        {
            var members = clusters[c];
            var id = $"e{c + 1}";
            string name;
            EntityType type;
            int canonical = -1;
            foreach (int m in members)
            {
                if (canonicalOf.TryGetValue(m, out int found))
                {
                    canonical = found;
                    break;
                }
            }
            if (canonical >= 0)
            {
                name = _aliases.Canonicals[canonical].Name;
                type = _aliases.Canonicals[canonical].Type;
            }
            else
            {
                (name, type) = MostCommon(nodes, members);
            }
            var aliases = new List<string>();
            var refs = ImmutableArray.CreateBuilder<ArticleEntityRef>(members.Count);
            foreach (int m in members)
            {
                refs.Add(nodes[m].Ref);
                idOf[nodes[m].Ref] = id;
                AddAlias(aliases, nodes[m].Entity.Name, name);
                foreach (var alias in nodes[m].Entity.Aliases) AddAlias(aliases, alias, name);
            }
            entities.Add(new LinkedEntity(id, type, name, [.. aliases], refs.MoveToImmutable()));
        }
        return new EntityLinking(entities.MoveToImmutable(), idOf);
    }

    // The name most members use; for persons the longer of equally common names. A country joined by
    // its demonym ("Ukraine" and "Ukrainian") is named as the country.
    private static (string Name, EntityType Type) MostCommon(List<Node> nodes, List<int> members)
    {
        if (members.Any(m => nodes[m].Entity.Type == EntityType.Place) && members.Any(m => nodes[m].Entity.Type == EntityType.Group))
        {
            members = members.Where(m => nodes[m].Entity.Type == EntityType.Place).ToList();
        }
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var typeCounts = new Dictionary<EntityType, int>();
        foreach (int m in members)
        {
            counts[nodes[m].Entity.Name] = counts.GetValueOrDefault(nodes[m].Entity.Name) + 1;
            typeCounts[nodes[m].Entity.Type] = typeCounts.GetValueOrDefault(nodes[m].Entity.Type) + 1;
        }
        string best = nodes[members[0]].Entity.Name;
        EntityType bestType = nodes[members[0]].Entity.Type;
        foreach (int m in members)
        {
            var candidate = nodes[m].Entity.Name;
            int diff = counts[candidate] - counts[best];
            bool longer = candidate.Split(' ').Length > best.Split(' ').Length;
            if (diff > 0 || (diff == 0 && longer && nodes[m].Entity.Type == EntityType.Person)) best = candidate;
            if (typeCounts[nodes[m].Entity.Type] > typeCounts[bestType]) bestType = nodes[m].Entity.Type;
        }
        return (best, bestType);
    }

    private static void AddAlias(List<string> aliases, string alias, string name)
    {
        if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)) return;
        foreach (var existing in aliases)
        {
            if (string.Equals(existing, alias, StringComparison.OrdinalIgnoreCase)) return;
        }
        if (aliases.Count < 32) aliases.Add(alias);
    }

    private sealed class DisjointSets
    {
        private readonly int[] _parent;

        public DisjointSets(int size)
        {
            _parent = new int[size];
            for (int i = 0; i < size; i++) _parent[i] = i;
        }

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }
            return x;
        }

        // The smaller index becomes the root, so the cluster's first appearance is its root.
        public void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb) return;
            if (ra < rb) _parent[rb] = ra;
            else _parent[ra] = rb;
        }
    }
}
