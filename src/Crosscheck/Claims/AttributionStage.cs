using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Entities;

namespace Crosscheck.Claims;

/// <summary>
/// Finds who claims what: attribution spans (source, cue, content), their status and hedges, and
/// the relay chain ("X reported, citing Y, that ..."). Requires tokens and sentences. Reads the
/// entity layer when an earlier stage produced it (not required): then <see cref="Attribution.SpeakerEntity"/>
/// is set, also for pronoun and title-only speakers ("he said", "the Ukrainian leader added"). Reads the
/// quantities, places and times layers the same way, for each claim's <see cref="Attribution.Proposition"/>.
/// </summary>
public sealed class AttributionStage : IStage
{
    public const string StageName = "claims";

    private readonly AttributionExtractor _extractor;
    private readonly CueLexicon _lexicon;

    /// <summary>Uses the embedded English cue lexicon and learned cue priors.</summary>
    public AttributionStage() : this(CueLexicon.English) { }

    public AttributionStage(CueLexicon lexicon)
    {
        _lexicon = lexicon;
        _extractor = new AttributionExtractor(lexicon);
    }

    public string Name => StageName;

    public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Claims];

    public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
    {
        var text = article.Text;
        var tokens = article.Get(Layers.Tokens);
        var sentences = article.Get(Layers.Sentences);
        var found = _extractor.Extract(text, tokens, sentences);
        var view = new TokenView(text, tokens);
        // The speaker's stance is the cue's own status, fixed before the reporter's hedges change the status.
        for (int i = 0; i < found.Count; i++) found[i] = found[i] with { Stance = StanceOf(found[i].Status) };
        CitationChains.Apply(found, text, view);
        HedgeScoper.Apply(found, text, view, sentences, _lexicon);
        TrimMutualContent(found, text);
        DropNestedRestatements(found, text, _lexicon);
        AddRelays(found);
        EntityLayer? entityLayer = null;
        if (article.TryGet(Layers.Entities, out var entities))
        {
            if (!IsInTextOrder(entities.Mentions)) entities = entities with { Mentions = [.. entities.Mentions.OrderBy(m => m.Span)] };
            // In text order, so that "this source" can point back to the claim told just before it.
            Attribution? previous = null;
            foreach (int i in Enumerable.Range(0, found.Count).OrderBy(i => found[i].Source?.Start ?? found[i].Cue?.Start ?? 0))
            {
                found[i] = SpeakerResolver.Resolve(found[i], text, entities, previous);
                previous = found[i];
            }
            entityLayer = entities;
        }
        // The content's structure reads the layers earlier stages produced; an absent one leaves its part empty.
        PropositionReader.Apply(found, view, entityLayer, article.Items(Layers.Quantities), article.Items(Layers.Places), article.Items(Layers.Times));
        return article.With(Layers.Claims, found.ToImmutableArray());
    }

    private static SpeakerStance StanceOf(ClaimStatus cueStatus) => cueStatus switch
    {
        ClaimStatus.Denied => SpeakerStance.Rejects,
        ClaimStatus.Disputed => SpeakerStance.Disputes,
        ClaimStatus.Unverified => SpeakerStance.Doubts,
        _ => SpeakerStance.Affirms,
    };

    /// <summary>
    /// "A reported that C, B reported.": A's content ran to the sentence end over B's cue while B's content
    /// holds A's cue. B encloses A, so A's content ends before B's source.
    /// </summary>
    private static void TrimMutualContent(List<Attribution> found, string text)
    {
        for (int i = 0; i < found.Count; i++)
        {
            if (found[i].Cue is not { } cue || !found[i].ContentParts.IsDefaultOrEmpty) continue;
            for (int j = i + 1; j < Math.Min(found.Count, i + RelayWindow); j++)
            {
                var outer = found[j];
                if (outer.Cue is not { } outerCue || !found[i].Content.Contains(outerCue)) continue;
                if (EndBeforeCoordinatedReport(found[i], outer, text) is int firstEnd)
                {
                    found[i] = found[i] with { Content = new Span(found[i].Content.Start, firstEnd) };
                    continue;
                }
                bool afterComma = AfterComma(text, outerCue.Start, found[i].Content.Start);
                // "X said C, adding D" / "C, according to Y": the later cue after a comma starts its own attribution.
                if (!afterComma && !outer.AllContent.Any(p => p.Contains(cue))) continue;
                int end = afterComma ? outerCue.Start : Math.Min(outer.Source?.Start ?? outerCue.Start, outerCue.Start);
                while (end > found[i].Content.Start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '—' or '-')) end--;
                if (end <= found[i].Content.Start) continue;
                found[i] = found[i] with { Content = new Span(found[i].Content.Start, end) };
            }
        }
    }

    /// <summary>
    /// "The army first said the troops arrived in October and later reported clashes": the second cue shares the first's
    /// speaker, who stands outside the first content, so it is a second statement joined by "and", not part of what was
    /// first said. Returns where the first content ends (before "and"), or null when the two are not so joined.
    /// </summary>
    private static int? EndBeforeCoordinatedReport(Attribution inner, Attribution outer, string text)
    {
        if (inner.Source is not { } source || outer.Source != source || source.End > inner.Content.Start || outer.Cue is not { } cue) return null;
        int k = cue.Start;
        for (int word = 0; word < 3; word++)
        {
            while (k > inner.Content.Start && text[k - 1] == ' ') k--;
            int end = k;
            while (k > inner.Content.Start && char.IsLetter(text[k - 1])) k--;
            var w = text.AsSpan(k, end - k);
            if (w.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                while (k > inner.Content.Start && (text[k - 1] == ' ' || text[k - 1] == ',')) k--;
                return k > inner.Content.Start ? k : null;
            }
            if (!CoordinatedAdverbs.Contains(w)) return null;
        }
        return null;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CoordinatedAdverbs = FrozenSet.ToFrozenSet(
        ["later", "then", "also", "subsequently", "afterwards", "since", "repeatedly"], StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// "The mayor said she thinks the plan will work": a pronoun-led clause that opens another claim's content is that
    /// claim's reported words, already carried by it; as a claim of its own it would repeat them under "she" (PolNeAR,
    /// too, never marks an attribution inside another's content). A named inner speaker ("the Post reported that
    /// officials said C") stays a claim of its own, relayed by the outer source; a named inner subject of a stance or an
    /// act the cue model took ("the aide says the mayor promised to act") is part of the outer words too.
    /// </summary>
    private static void DropNestedRestatements(List<Attribution> found, string text, CueLexicon lexicon)
    {
        List<int>? restated = null;
        for (int i = 0; i < found.Count; i++)
        {
            if (found[i].Source is not { } source || !IsPersonalPronoun(text, source) && !HasLearnedCue(found[i], text, lexicon)) continue;
            // Attributions come in text order, so an enclosing one is among the nearest few.
            for (int j = Math.Max(0, i - RelayWindow); j < Math.Min(found.Count, i + RelayWindow); j++)
            {
                if (j == i || !found[j].AllContent.Any(part => OpensWith(text, part, source.Start))) continue;
                (restated ??= []).Add(i);
                break;
            }
        }
        if (restated is null) return;
        for (int r = restated.Count - 1; r >= 0; r--) found.RemoveAt(restated[r]);
    }

    /// <summary>
    /// Whether the cue's first word is no lexicon word but one the cue model took: a stance or an act ("promised",
    /// "plans", "supported"), not a verb of speech. Inside another claim's words ("the aide says the mayor promised to
    /// act") such a cue is part of what was said, as PolNeAR marks it, unlike a relayed "officials said".
    /// </summary>
    private static bool HasLearnedCue(Attribution claim, string text, CueLexicon lexicon)
    {
        if (claim.Cue is not { } cue) return false;
        var words = text.AsSpan(cue.Start, cue.End - cue.Start);
        int space = words.IndexOf(' ');
        return !lexicon.CueLookup.ContainsKey(space < 0 ? words : words[..space]);
    }

    private static bool IsPersonalPronoun(string text, Span source)
    {
        var word = text.AsSpan(source.Start, source.End - source.Start);
        return !word.Equals("who", StringComparison.OrdinalIgnoreCase) && PersonalPronouns.Contains(word);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonalPronouns = WordClasses.L(WordClasses.SubjectPronouns);

    /// <summary>Whether <paramref name="part"/> opens at <paramref name="offset"/>, maybe after "that".</summary>
    private static bool OpensWith(string text, Span part, int offset)
    {
        if (offset < part.Start || offset >= part.End) return false;
        var gap = text.AsSpan(part.Start, offset - part.Start).Trim();
        return gap.Length == 0 || gap.Equals("that", StringComparison.OrdinalIgnoreCase);
    }

    private static bool AfterComma(string text, int offset, int floor)
    {
        int k = offset - 1;
        while (k > floor && char.IsWhiteSpace(text[k])) k--;
        return k > floor && text[k] == ',';
    }

    private static bool IsInTextOrder(ImmutableArray<EntityMention> mentions)
    {
        for (int i = 1; i < mentions.Length; i++) if (mentions[i].Span.Start < mentions[i - 1].Span.Start) return false;
        return true;
    }

    /// <summary>Attributions are found in text order, so an enclosing one is among the nearest few.</summary>
    private const int RelayWindow = 24;

    /// <summary>An attribution whose cue lies inside another's content is relayed by that other's source.</summary>
    private static void AddRelays(List<Attribution> found)
    {
        for (int i = 0; i < found.Count; i++)
        {
            if (found[i].Cue is not { } cue) continue;
            List<(int Length, Span Source)>? relays = null;
            for (int j = Math.Max(0, i - RelayWindow); j < Math.Min(found.Count, i + RelayWindow); j++)
            {
                if (i == j || found[j].Source is not { } outer || outer == found[i].Source) continue;
                foreach (var part in found[j].AllContent)
                {
                    if (part.Contains(cue)) (relays ??= []).Add((part.Length, outer));
                }
            }
            if (relays is null) continue;
            relays.Sort((a, b) => a.Length.CompareTo(b.Length));
            // A relay the rule itself found ("quoted by Y as saying") is the innermost.
            found[i] = found[i] with { RelaySpans = [.. found[i].RelaySpans, .. relays.Select(r => r.Source)] };
        }
    }
}
