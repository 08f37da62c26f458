using System.Collections.Immutable;
using Crosscheck.Text;

namespace Crosscheck.Entities;

/// <summary>
/// Groups one report's mentions into entities: identical names; a later surname or given name
/// alone joins the most recent full name that has it ("Volodymyr Zelensky" ... "Zelensky"), and a
/// full name joins an earlier lone surname; an acronym joins the name whose initials it spells or
/// that it was bracketed with; nationality groups join by nationality and kind of head noun
/// ("North Korean soldiers" = "North Korean troops"). Dictionary lookups only, so linear in mentions.
/// </summary>
internal static class WithinReportGrouper
{
    private static readonly int EntityTypeCount = Enum.GetValues<EntityType>().Length;

    public static EntityLayer Group(string text, ImmutableArray<Token> tokens, List<Candidate> candidates, List<(Candidate A, Candidate B)> links)
    {
        if (candidates.Count == 0) return EntityLayer.Empty;
        int n = candidates.Count;
        var entityOf = new int[n];
        var parent = new List<int>();
        var surfaces = new string[n];
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var personPart = new Dictionary<string, int>(StringComparer.Ordinal);
        var loneSurname = new Dictionary<string, int>(StringComparer.Ordinal);
        var fullNamed = new HashSet<int>();
        var initials = new Dictionary<string, int>(StringComparer.Ordinal);
        var acronyms = new Dictionary<string, int>(StringComparer.Ordinal);

        HarmoniseTypes(text, tokens, candidates);

        int NewEntity()
        {
            parent.Add(parent.Count);
            return parent.Count - 1;
        }

        for (int i = 0; i < n; i++)
        {
            var c = candidates[i];
            var surface = CollapseSpaces(text.AsSpan(tokens[c.First].Span.Start, tokens[c.Last].Span.End - tokens[c.First].Span.Start));
            surfaces[i] = surface;
            var normalized = NameKeys.Normalize(surface);
            var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string key = c.Type == EntityType.Group ? GroupKey(words) : $"{(int)c.Type}|{normalized}";
            // Names the alias table knows ("GUR", "Ukraine's military intelligence") meet under their canonical entity.
            int canonical = c.Type is EntityType.Group or EntityType.Person ? -1 : AliasTable.Default.Lookup(surface, c.Type);
            if (canonical < 0 && c.Type == EntityType.Organization && c.Expansion is { } expansion) canonical = AliasTable.Default.Lookup(expansion, c.Type);
            if (canonical >= 0 && exact.TryGetValue($"A|{canonical}", out int known))
            {
                entityOf[i] = Find(parent, known);
            }
            else if (exact.TryGetValue(key, out int entity))
            {
                entityOf[i] = Find(parent, entity);
            }
            else if (c.Type == EntityType.Person && words.Length == 1 && personPart.TryGetValue(words[0], out int full))
            {
                entityOf[i] = Find(parent, full);
            }
            else if (c.Type == EntityType.Person && words.Length > 1 && (loneSurname.TryGetValue(words[^1], out int lone) || loneSurname.TryGetValue(words[0], out lone))
                     && !fullNamed.Contains(Find(parent, lone)))
            {
                // "Clinton" ... "Hillary Clinton": only while the lone name has no full name yet, so "Bill Clinton" stays apart.
                entityOf[i] = Find(parent, lone);
            }
            else if (c.Type != EntityType.Person && EntityRules.IsAcronym(surface) && initials.TryGetValue($"{(int)c.Type}|{normalized}", out int expanded))
            {
                entityOf[i] = Find(parent, expanded);
            }
            else if (c.Type != EntityType.Person && words.Length > 1 && acronyms.TryGetValue($"{(int)c.Type}|{NameKeys.Initials(normalized)}", out int acronym))
            {
                entityOf[i] = Find(parent, acronym);
            }
            else
            {
                entityOf[i] = NewEntity();
            }
            int e = entityOf[i];
            exact[key] = e;
            if (canonical >= 0) exact.TryAdd($"A|{canonical}", e);
            if (c.Type == EntityType.Person)
            {
                if (words.Length == 1) loneSurname.TryAdd(words[0], e);
                else
                {
                    fullNamed.Add(e);
                    // The most recent full name owns its parts, so "Kim" means the Kim last named in full.
                    personPart[words[0]] = e;
                    personPart[words[^1]] = e;
                }
            }
            else if (EntityRules.IsAcronym(surface))
            {
                acronyms.TryAdd($"{(int)c.Type}|{normalized}", e);
            }
            else if (words.Length > 1)
            {
                initials.TryAdd($"{(int)c.Type}|{NameKeys.Initials(normalized)}", e);
            }
        }

        var index = new Dictionary<Candidate, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < n; i++) index[candidates[i]] = i;
        foreach (var (a, b) in links)
        {
            if (!index.TryGetValue(a, out int ia) || !index.TryGetValue(b, out int ib)) continue;
            int ra = Find(parent, entityOf[ia]), rb = Find(parent, entityOf[ib]);
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }

        return Build(tokens, candidates, surfaces, entityOf, parent);
    }

    private static EntityLayer Build(ImmutableArray<Token> tokens, List<Candidate> candidates, string[] surfaces, int[] entityOf, List<int> parent)
    {
        int n = candidates.Count;
        var compact = new Dictionary<int, int>();
        var members = new List<List<int>>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(parent, entityOf[i]);
            if (!compact.TryGetValue(root, out int id))
            {
                id = members.Count;
                compact[root] = id;
                members.Add([]);
            }
            members[id].Add(i);
        }
        var entities = ImmutableArray.CreateBuilder<ArticleEntity>(members.Count);
        for (int id = 0; id < members.Count; id++)
        {
            int best = members[id][0];
            foreach (int m in members[id])
            {
                if (Better(candidates[m], surfaces[m], candidates[best], surfaces[best])) best = m;
            }
            var name = surfaces[best];
            var type = candidates[best].Type;
            // A fragment the text completes ("US Defense" before "Secretary") is named by the whole.
            if (candidates[best].Expansion is { } whole && !EntityRules.IsAcronym(name) && whole.StartsWith(name, StringComparison.Ordinal)) name = whole;
            var aliases = new List<string>();
            foreach (int m in members[id])
            {
                Add(aliases, surfaces[m], name);
                if (candidates[m].Expansion is { } expansion) Add(aliases, expansion, name);
            }
            entities.Add(new ArticleEntity(id, type, name, [.. aliases]));
        }
        return new EntityLayer(MentionsOf(tokens, candidates, entityOf, parent, compact), entities.MoveToImmutable());
    }

    private static ImmutableArray<EntityMention> MentionsOf(ImmutableArray<Token> tokens, List<Candidate> candidates, int[] entityOf, List<int> parent, Dictionary<int, int> compact)
    {
        var builder = ImmutableArray.CreateBuilder<EntityMention>(candidates.Count);
        for (int i = 0; i < candidates.Count; i++)
        {
            var span = new Span(tokens[candidates[i].First].Span.Start, tokens[candidates[i].Last].Span.End);
            builder.Add(new EntityMention(span, candidates[i].Type, compact[Find(parent, entityOf[i])]));
        }
        builder.Sort((a, b) => a.Span.CompareTo(b.Span));
        return builder.MoveToImmutable();
    }

    // The entity's name: a written-out name beats an acronym; a person's longest form wins; else the first.
    private static bool Better(Candidate candidate, string surface, Candidate best, string bestSurface)
    {
        bool acronym = EntityRules.IsAcronym(surface), bestAcronym = EntityRules.IsAcronym(bestSurface);
        if (acronym != bestAcronym) return bestAcronym;
        if (candidate.Type == EntityType.Person && best.Type == EntityType.Person) return candidate.Last - candidate.First > best.Last - best.First;
        return false;
    }

    private static void Add(List<string> aliases, string alias, string name)
    {
        if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)) return;
        foreach (var existing in aliases)
        {
            if (string.Equals(existing, alias, StringComparison.OrdinalIgnoreCase)) return;
        }
        aliases.Add(alias);
    }

    /// <summary>
    /// One sense per report: the same name gets the type most of its mentions have (ties: the
    /// first), and a lone word typed Person that opens a place or organisation name elsewhere in
    /// the report ("Kursk" beside "Kursk region") takes that type. The model decides each mention
    /// from a narrow window; the report as a whole is better evidence.
    /// </summary>
    private static void HarmoniseTypes(string text, ImmutableArray<Token> tokens, List<Candidate> candidates)
    {
        HarmoniseLists(text, tokens, candidates);
        var votes = new Dictionary<string, (int Person, int Organization, int Place, int Other, EntityType First)>(StringComparer.Ordinal);
        var openers = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        var keys = new string?[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Type is EntityType.Group or EntityType.MilitaryUnit) continue;
            var key = NameKeys.Normalize(text.AsSpan(tokens[c.First].Span.Start, tokens[c.Last].Span.End - tokens[c.First].Span.Start));
            keys[i] = key;
            (int Person, int Organization, int Place, int Other, EntityType First) v = votes.TryGetValue(key, out var existing) ? existing : (0, 0, 0, 0, c.Type);
            switch (c.Type)
            {
                case EntityType.Person: v.Person++; break;
                case EntityType.Organization: v.Organization++; break;
                case EntityType.Place: v.Place++; break;
                default: v.Other++; break;
            }
            votes[key] = v;
            if (c.Last > c.First && c.Type is EntityType.Place or EntityType.Organization)
            {
                openers.TryAdd(NameKeys.Normalize(tokens[c.First].Span.SliceOf(text)), c.Type);
            }
        }
        for (int i = 0; i < candidates.Count; i++)
        {
            if (keys[i] is not { } key) continue;
            var v = votes[key];
            int best = Math.Max(Math.Max(v.Person, v.Organization), Math.Max(v.Place, v.Other));
            int ofFirst = v.First switch { EntityType.Person => v.Person, EntityType.Organization => v.Organization, EntityType.Place => v.Place, _ => v.Other };
            var type = ofFirst == best ? v.First
                : v.Place == best ? EntityType.Place : v.Organization == best ? EntityType.Organization : v.Person == best ? EntityType.Person : EntityType.Other;
            var c = candidates[i];
            if (type == EntityType.Person && c.First == c.Last && openers.TryGetValue(key, out var opener)) type = opener;
            c.Type = type;
        }
    }

    /// <summary>
    /// Names in one list ("the villages of Plekhovo, Vorozhba and Martynovka") are of one kind: in a
    /// list of three or more names joined by commas, "and" or "or", a type most of them share wins.
    /// </summary>
    private static void HarmoniseLists(string text, ImmutableArray<Token> tokens, List<Candidate> candidates)
    {
        int start = 0;
        for (int i = 1; i <= candidates.Count; i++)
        {
            if (i < candidates.Count && Joined(text, tokens, candidates[i - 1], candidates[i])) continue;
            if (i - start >= 3) VoteList(candidates, start, i);
            start = i;
        }
    }

    private static bool Joined(string text, ImmutableArray<Token> tokens, Candidate left, Candidate right)
    {
        int gap = right.First - left.Last - 1;
        if (gap is < 1 or > 2 || tokens[left.Last].Sentence != tokens[right.First].Sentence) return false;
        for (int t = left.Last + 1; t < right.First; t++)
        {
            var word = tokens[t].Span.SliceOf(text);
            if (!(word.SequenceEqual(",") || word.SequenceEqual("and") || word.SequenceEqual("or"))) return false;
        }
        return true;
    }

    private static void VoteList(List<Candidate> candidates, int from, int to)
    {
        Span<int> counts = stackalloc int[EntityTypeCount];
        for (int i = from; i < to; i++) counts[(int)candidates[i].Type]++;
        int items = to - from;
        foreach (var type in (ReadOnlySpan<EntityType>)[EntityType.Person, EntityType.Organization, EntityType.Place])
        {
            if (counts[(int)type] * 2 <= items) continue;
            for (int i = from; i < to; i++)
            {
                if (candidates[i].Type is EntityType.Person or EntityType.Organization or EntityType.Place or EntityType.Other) candidates[i].Type = type;
            }
            return;
        }
    }

    /// <summary>"north korean soldiers" and "north korean troops" share a key; "north korean officials" does not.</summary>
    internal static string GroupKey(string[] words)
    {
        if (words.Length == 0) return "G|";
        var head = words[^1];
        int nationalityWords = words.Length;
        while (nationalityWords > 1 && Lexicons.Contains(Lexicons.GroupNouns, words[nationalityWords - 1])) nationalityWords--;
        var nationality = string.Join(' ', words, 0, nationalityWords).TrimEnd('s');
        if (nationalityWords == words.Length) return $"G|{nationality}|";
        var kind = Lexicons.Contains(Lexicons.ArmedGroupNouns, head) ? "armed" : head;
        return $"G|{nationality}|{kind}";
    }

    // Names read as written, but a line break or non-breaking space inside one reads as a space.
    private static string CollapseSpaces(ReadOnlySpan<char> surface)
    {
        if (surface.IndexOfAny("\n\r\t\u00A0\u2009\u202F") < 0 && surface.IndexOf("  ", StringComparison.Ordinal) < 0) return surface.ToString();
        var builder = new System.Text.StringBuilder(surface.Length);
        bool space = false;
        foreach (char c in surface)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static int Find(List<int> parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
