using System.Collections.Immutable;
using Crosscheck.Text;

namespace Crosscheck.Entities;

/// <summary>
/// Rule layers on top of the model's mentions: military units ("the 95th Air Assault Brigade"),
/// nationality groups with their head noun ("North Korean soldiers") and acronyms written beside
/// their expansion ("military intelligence agency (HUR)"). Each rule is one left-to-right pass.
/// </summary>
internal sealed class MentionFinder(string text, ImmutableArray<Token> tokens)
{
    private ReadOnlySpan<char> Word(int t) => tokens[t].Span.SliceOf(text);

    private bool SameSentence(int a, int b) => tokens[a].Sentence == tokens[b].Sentence;

    /// <summary>Adds unit mentions and drops the model mentions they overlap (the rule sees the whole name).</summary>
    public void AddMilitaryUnits(List<Candidate> candidates)
    {
        var units = new List<Candidate>();
        for (int u = 0; u < tokens.Length; u++)
        {
            if (tokens[u].Kind != TokenKind.Word || !Lexicons.Contains(Lexicons.UnitNouns, Word(u))) continue;
            // The last noun of a run names the unit ("Brigade Group" ends at Group).
            if (u + 1 < tokens.Length && SameSentence(u, u + 1) && Lexicons.Contains(Lexicons.UnitNouns, Word(u + 1))
                && EntityRules.IsCapitalised(Word(u + 1)) == EntityRules.IsCapitalised(Word(u))) continue;
            int j = u - 1;
            bool ordinal = false;
            while (j >= 0 && SameSentence(j, u) && u - j <= 10)
            {
                var w = Word(j);
                if (EntityRules.IsOrdinal(w)) ordinal = true;
                else if (tokens[j].Kind == TokenKind.Word && EntityRules.IsCapitalised(w) && !w.Equals("The", StringComparison.Ordinal)) { }
                else if (!EntityRules.IsUnitModifier(w)) break;
                j--;
            }
            int left = j + 1;
            // Leading words that are not part of the name: lower-case modifiers before the ordinal, nationality adjectives.
            while (left < u)
            {
                var w = Word(left);
                if (EntityRules.IsOrdinal(w)) break;
                if (!EntityRules.IsCapitalised(w) || EntityRules.IsNationalityWord(w) || Word(left).SequenceEqual("-")) left++;
                else break;
            }
            if (left >= u) continue;
            bool hasOrdinal = ordinal && ContainsOrdinal(left, u);
            bool named = EntityRules.IsCapitalised(Word(u)) && Lexicons.Contains(Lexicons.StrongUnitNouns, Word(u));
            if (!hasOrdinal && !named) continue;
            units.Add(new Candidate(left, u, EntityType.MilitaryUnit));
        }
        if (units.Count == 0) return;
        var inUnit = new bool[tokens.Length];
        foreach (var unit in units)
        {
            for (int t = unit.First; t <= unit.Last; t++) inUnit[t] = true;
        }
        candidates.RemoveAll(c =>
        {
            for (int t = c.First; t <= c.Last; t++)
            {
                if (inUnit[t]) return true;
            }
            return false;
        });
        candidates.AddRange(units);
    }

    private bool ContainsOrdinal(int from, int to)
    {
        for (int t = from; t <= to; t++)
        {
            if (EntityRules.IsOrdinal(Word(t))) return true;
        }
        return false;
    }

    /// <summary>Extends nationality mentions over their head noun and adds the ones the model missed.</summary>
    public void AddGroups(List<Candidate> candidates)
    {
        // "North" + "Korean": a compass word right before a nationality belongs to it.
        var byLast = new Dictionary<int, Candidate>();
        foreach (var c in candidates) byLast[c.Last] = c;
        var absorbed = new HashSet<Candidate>(ReferenceEqualityComparer.Instance);
        foreach (var c in candidates)
        {
            bool nationality = c.Type == EntityType.Group || (c.First == c.Last && Lexicons.Contains(Lexicons.Nationalities, Word(c.First)));
            if (!nationality || c.First == 0 || !SameSentence(c.First - 1, c.First) || !EntityRules.IsCompassWord(Word(c.First - 1))) continue;
            if (byLast.TryGetValue(c.First - 1, out var compass))
            {
                if (compass.First != compass.Last) continue;
                absorbed.Add(compass);
            }
            c.First--;
            c.Type = EntityType.Group;
        }
        if (absorbed.Count > 0) candidates.RemoveAll(absorbed.Contains);
        var covered = new bool[tokens.Length];
        foreach (var c in candidates)
        {
            for (int t = c.First; t <= c.Last; t++) covered[t] = true;
        }
        foreach (var c in candidates)
        {
            bool nationality = EntityRules.EndsInNationality(Word(c.Last), c.Last - c.First + 1) && !Lexicons.Contains(Lexicons.Movements, Word(c.Last));
            if (c.Type is EntityType.Place or EntityType.Other && nationality && c.Last - c.First <= 1 && HeadNounAfter(c.Last) > c.Last)
            {
                c.Type = EntityType.Group;
            }
            // "Western officials", "according to Westerners": a bloc's demonym the model took for a
            // body or a person, when a noun for people follows it or it is itself a plural. Movements
            // in the nationality list ("Taliban officials", "the Houthis said") are bodies, and stay so.
            else if (c.Type is EntityType.Organization or EntityType.Person && c.First == c.Last && Lexicons.Contains(Lexicons.BlocDemonyms, Word(c.First))
                     && EntityRules.IsCapitalised(Word(c.First)) && (HeadNounAfter(c.Last) > c.Last || EntityRules.LooksPlural(Word(c.First))))
            {
                c.Type = EntityType.Group;
            }
            if (c.Type != EntityType.Group) continue;
            int head = HeadNounAfter(c.Last);
            for (int t = c.Last + 1; t <= head; t++) covered[t] = true;
            c.Last = head;
        }
        for (int t = 0; t < tokens.Length; t++)
        {
            if (covered[t] || tokens[t].Kind != TokenKind.Word) continue;
            var w = Word(t);
            if (!EntityRules.IsCapitalised(w) || !Lexicons.Contains(Lexicons.Nationalities, w) || Lexicons.Contains(Lexicons.Movements, w)) continue;
            int head = HeadNounAfter(t);
            bool plural = EntityRules.LooksPlural(w);
            if (head == t && !plural) continue;
            int first = t;
            if (t > 0 && SameSentence(t - 1, t) && !covered[t - 1] && (Word(t - 1).SequenceEqual("North") || Word(t - 1).SequenceEqual("South"))) first = t - 1;
            candidates.Add(new Candidate(first, head, EntityType.Group));
            for (int k = first; k <= head; k++) covered[k] = true;
        }
    }

    // Index of the last group noun following a nationality word ("Korean special forces"), or the word itself.
    private int HeadNounAfter(int t)
    {
        int head = t;
        for (int k = t + 1; k < tokens.Length && k <= t + 2 && SameSentence(t, k); k++)
        {
            var w = Word(k);
            if (!char.IsLower(w[0]) || !Lexicons.Contains(Lexicons.GroupNouns, w)) break;
            head = k;
        }
        return head;
    }

    /// <summary>
    /// "The Kyiv Independent", "Ukrainska Pravda": a name of two or more words that ends in a word
    /// for a newspaper's title is an outlet, though it opens with a place or reads like a person's name.
    /// </summary>
    public void RetypeMediaTitles(List<Candidate> candidates)
    {
        foreach (var c in candidates)
        {
            if (c.Type is not (EntityType.Person or EntityType.Place or EntityType.Other) || c.Last == c.First) continue;
            var last = Word(c.Last);
            if (!EntityRules.IsCapitalised(last) || !Lexicons.Contains(Lexicons.MediaTitleWords, last)) continue;
            // "Emily Post", "Jim Courier": a few title words are surnames too, and then the model's person stands.
            if (c.Type == EntityType.Person && Lexicons.Contains(Lexicons.MediaTitleSurnames, last)) continue;
            c.Type = EntityType.Organization;
        }
    }

    /// <summary>
    /// "US Defense Secretary Lloyd Austin", "French Foreign Minister": the model often stops an
    /// organisation at the portfolio word before the title. The fragment names the department or
    /// ministry the title holder heads, so it carries that name as its expansion, but only when the
    /// alias table knows the name built: "UK Foreign Secretary" heads no "UK Foreign Department".
    /// </summary>
    public void ExpandPortfolioFragments(List<Candidate> candidates)
    {
        foreach (var c in candidates)
        {
            if (c.Type != EntityType.Organization || c.Last == c.First || c.Last + 1 >= tokens.Length || !SameSentence(c.Last, c.Last + 1)) continue;
            if (!Lexicons.Contains(Lexicons.Portfolios, Word(c.Last))) continue;
            var title = Word(c.Last + 1);
            string? body = title.Equals("Secretary", StringComparison.Ordinal) ? "Department"
                : title.Equals("Minister", StringComparison.Ordinal) ? "Ministry" : null;
            if (body is null) continue;
            var expansion = $"{text[tokens[c.First].Span.Start..tokens[c.Last].Span.End]} {body}";
            if (AliasTable.Default.Lookup(expansion, EntityType.Organization) >= 0) c.Expansion = expansion;
        }
    }

    /// <summary>
    /// "Ukraine's military intelligence", "Russia's defence ministry": a place, its possessive and
    /// up to three words, kept as an organisation mention only when the alias table knows the
    /// phrase (so a bare "Russia's army" stays what the model said). The place keeps its own mention.
    /// </summary>
    public void AddPossessiveInstitutions(List<Candidate> candidates, AliasTable aliases)
    {
        var added = new List<Candidate>();
        foreach (var c in candidates)
        {
            if (c.Type != EntityType.Place || c.Last + 2 >= tokens.Length) continue;
            // "'s" as one token, or "'" "s" as two when the text spaces it ("Iraq 's").
            int afterPossessive = Word(c.Last + 1).Length == 2 && EntityRules.IsPossessive(Word(c.Last + 1)) ? c.Last + 2
                : Word(c.Last + 1).Length == 1 && EntityRules.IsPossessive(Word(c.Last + 1)) && Word(c.Last + 2).Equals("s", StringComparison.OrdinalIgnoreCase) ? c.Last + 3
                : -1;
            if (afterPossessive < 0) continue;
            for (int last = Math.Min(afterPossessive + 2, tokens.Length - 1); last >= afterPossessive; last--)
            {
                if (!SameSentence(c.First, last) || tokens[last].Kind != TokenKind.Word) continue;
                var phrase = text[tokens[c.First].Span.Start..tokens[last].Span.End];
                if (aliases.Lookup(phrase, EntityType.Organization, sameTypeOnly: true) < 0) continue;
                added.Add(new Candidate(c.First, last, EntityType.Organization));
                break;
            }
        }
        candidates.AddRange(added);
    }

    /// <summary>
    /// Acronyms in brackets after a name or phrase become mentions of the same entity; returns the
    /// pairs of candidates that must share an entity. The candidate list is re-sorted.
    /// </summary>
    public List<(Candidate A, Candidate B)> AddAcronyms(List<Candidate> candidates)
    {
        var links = new List<(Candidate, Candidate)>();
        var byFirst = new Dictionary<int, Candidate>();
        var byLast = new Dictionary<int, Candidate>();
        foreach (var c in candidates)
        {
            byFirst.TryAdd(c.First, c);
            byLast[c.Last] = c;
        }
        var added = new List<Candidate>();
        for (int k = 1; k + 2 < tokens.Length; k++)
        {
            if (!Word(k).SequenceEqual("(") || !SameSentence(k, k + 2)) continue;
            // name (ACR)
            if (Word(k + 2).SequenceEqual(")") && EntityRules.IsAcronym(Word(k + 1)))
            {
                byLast.TryGetValue(k - 1, out var before);
                byFirst.TryGetValue(k + 1, out var acronym);
                if (acronym is not null && acronym.Last != k + 1) acronym = null;
                // A dateline "WASHINGTON (AP)" is a place and an agency, not a name and its acronym.
                if (before is not null && (before.Type is EntityType.Person or EntityType.Place || IsAllCapitals(before.First)) && !InitialsFit(before, Word(k + 1))) continue;
                if (before is not null)
                {
                    if (acronym is null)
                    {
                        acronym = new Candidate(k + 1, k + 1, before.Type);
                        added.Add(acronym);
                    }
                    else
                    {
                        acronym.Type = before.Type;
                    }
                    links.Add((before, acronym));
                }
                else if (before is null)
                {
                    var phrase = PhraseBefore(k, Word(k + 1));
                    if (phrase is null) continue;
                    if (acronym is null)
                    {
                        acronym = new Candidate(k + 1, k + 1, EntityType.Organization);
                        added.Add(acronym);
                    }
                    acronym.Expansion = phrase;
                }
                continue;
            }
            // ACR (Name)
            if (byLast.TryGetValue(k - 1, out var acr) && acr.First == k - 1 && EntityRules.IsAcronym(Word(k - 1))
                && byFirst.TryGetValue(k + 1, out var name) && name.Last + 1 < tokens.Length && Word(name.Last + 1).SequenceEqual(")")
                && name.Type != EntityType.Person)
            {
                acr.Type = name.Type;
                links.Add((name, acr));
            }
        }
        candidates.AddRange(added);
        candidates.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : b.Last.CompareTo(a.Last));
        return links;
    }

    private bool IsAllCapitals(int token) => NerFeatures.CapitalisationClass(Word(token)) == 2;

    private bool InitialsFit(Candidate name, ReadOnlySpan<char> acronym)
    {
        var surface = text[tokens[name.First].Span.Start..tokens[name.Last].Span.End];
        return NameKeys.Initials(NameKeys.Normalize(surface)) == NameKeys.Normalize(acronym).Replace(" ", "", StringComparison.Ordinal);
    }

    // "Ukraine's military intelligence agency (HUR)": the words before the bracket, if they look like an expansion.
    private string? PhraseBefore(int bracket, ReadOnlySpan<char> acronym)
    {
        int start = bracket;
        for (int t = bracket - 1; t >= 0 && bracket - t <= 6 && SameSentence(t, bracket); t--)
        {
            var w = Word(t);
            if (tokens[t].Kind != TokenKind.Word || EntityRules.IsPossessive(w) || Lexicons.Contains(Lexicons.Determiners, w)) break;
            start = t;
        }
        if (bracket - start < 2) return null;
        bool keyword = false;
        for (int t = start; t < bracket; t++) keyword |= Lexicons.Contains(Lexicons.OrganizationKeywords, Word(t));
        var phrase = text[tokens[start].Span.Start..tokens[bracket - 1].Span.End];
        var initials = NameKeys.Initials(NameKeys.Normalize(phrase));
        bool matches = initials.Length >= 2 && initials.AsSpan().EndsWith(NameKeys.Normalize(acronym.ToString()).AsSpan());
        return keyword || matches ? phrase : null;
    }
}
