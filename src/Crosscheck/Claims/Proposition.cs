using System.Collections.Immutable;
using Crosscheck.Entities;
using Crosscheck.Places;
using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;
using static Crosscheck.Claims.WordClasses;

namespace Crosscheck.Claims;

/// <summary>
/// What a claim's content says, as structure, so that two reports of one claim can be matched: who acts
/// (entity mentions inside the content), the action (the content's first verb group, "were killed or
/// wounded"), and the figures, places and times inside it. Every member indexes a layer of the same article
/// (<see cref="Layers.Entities"/> mentions, <see cref="Layers.Quantities"/>, <see cref="Layers.Places"/>,
/// <see cref="Layers.Times"/>); a layer the pipeline did not produce leaves its list empty.
/// </summary>
/// <param name="Action">The verb group that states what happened or holds, when one is found.</param>
public sealed record Proposition(
    ImmutableArray<int> Actors,
    Span? Action,
    ImmutableArray<int> Quantities,
    ImmutableArray<int> Places,
    ImmutableArray<int> Times)
{
    public static Proposition Empty { get; } = new([], null, [], [], []);

    public bool IsEmpty => Actors.IsEmpty && Action is null && Quantities.IsEmpty && Places.IsEmpty && Times.IsEmpty;
}

/// <summary>Fills <see cref="Attribution.Content"/>'s <see cref="Proposition"/> from the layers earlier stages produced.</summary>
internal static class PropositionReader
{
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Aux =
        Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A verb group is at most this many tokens ("have reportedly been killed or wounded").</summary>
    private const int MaxActionTokens = 6;

    public static void Apply(List<Attribution> found, TokenView v, EntityLayer? entities, ImmutableArray<Quantity> quantities,
        ImmutableArray<ResolvedPlace> places, ImmutableArray<TimeExpression> times)
    {
        // Sortedness is checked once per layer: checking it per claim made a report with many claims quadratic.
        var mentions = entities?.Mentions ?? [];
        bool mentionsSorted = IsSorted(mentions, m => m.Span), quantitiesSorted = IsSorted(quantities, q => q.Span);
        bool placesSorted = IsSorted(places, p => p.Span), timesSorted = IsSorted(times, t => t.Span);
        for (int i = 0; i < found.Count; i++)
        {
            var parts = found[i].AllContent;
            var proposition = new Proposition(
                entities is null ? [] : Within(parts, mentions, mentionsSorted, m => m.Span, m => m.Type != EntityType.Place),
                ActionOf(v, parts[0]),
                Within(parts, quantities, quantitiesSorted, q => q.Span, _ => true),
                Within(parts, places, placesSorted, p => p.Span, _ => true),
                Within(parts, times, timesSorted, t => t.Span, _ => true));
            found[i] = found[i] with { Proposition = proposition };
        }
    }

    private static bool IsSorted<T>(ImmutableArray<T> items, Func<T, Span> spanOf)
    {
        if (items.IsDefaultOrEmpty) return true;
        for (int k = 1; k < items.Length; k++)
        {
            if (spanOf(items[k - 1]).Start > spanOf(items[k]).Start) return false;
        }
        return true;
    }

    /// <summary>Indexes of the items inside any part; items sorted by span make each part one binary search.</summary>
    private static ImmutableArray<int> Within<T>(ImmutableArray<Span> parts, ImmutableArray<T> items, bool sorted, Func<T, Span> spanOf, Func<T, bool> keep)
    {
        if (items.IsDefaultOrEmpty) return [];
        ImmutableArray<int>.Builder? result = null;
        foreach (var part in parts)
        {
            int lo = 0, hi = sorted ? items.Length : 0;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (spanOf(items[mid]).Start < part.Start) lo = mid + 1; else hi = mid;
            }
            for (int k = lo; k < items.Length && spanOf(items[k]).Start < part.End; k++)
            {
                if (part.Contains(spanOf(items[k])) && keep(items[k])) (result ??= ImmutableArray.CreateBuilder<int>()).Add(k);
            }
        }
        return result?.ToImmutable() ?? [];
    }

    /// <summary>
    /// The first verb group of the content: an auxiliary with the verbs and adverbs after it ("have been killed",
    /// "were killed or wounded", "could extend"), else the first lower-case word ending in "ed" after a word
    /// ("Russia deployed"). Null when the content has neither (a bare noun phrase, a fragment).
    /// </summary>
    internal static Span? ActionOf(TokenView v, Span content)
    {
        int t = v.FirstEndingAfter(content.Start);
        if (t < 0) return null;
        int first = t;
        for (; t < v.Count && v.Tokens[t].Span.End <= content.End; t++)
        {
            // "soldiers, who Russia had deployed to Kursk, were killed": a relative clause is not the main action.
            if (v.Is(t, "who") || v.Is(t, "which") || v.Is(t, "whom") || v.Is(t, "whose"))
            {
                int k = t + 1;
                while (k < v.Count && v.Tokens[k].Span.End <= content.End && !v.IsPunct(k, ',')) k++;
                if (k < v.Count && v.IsPunct(k, ',')) { t = k; continue; }
            }
            if (!v.IsLowerWord(t)) continue;
            bool aux = v.In(t, Aux) || v.EndsWith(t, "n't") || v.EndsWith(t, "n’t");
            bool past = !aux && t > first && v.IsWord(t - 1) && v.EndsWith(t, "ed") && v.Word(t).Length > 4 && !v.In(t - 1, Aux);
            if (!aux && !past) continue;
            int last = t;
            // Extend over verbs, adverbs and "or"/"and" + verb ("killed or wounded", "have reportedly been").
            for (int k = t + 1; k < v.Count && k - t < MaxActionTokens && v.Tokens[k].Span.End <= content.End && v.IsLowerWord(k); k++)
            {
                bool verbLike = v.In(k, Aux) || v.EndsWith(k, "ed") || v.EndsWith(k, "en") || v.EndsWith(k, "ing") || v.EndsWith(k, "ly") || v.Is(k, "not");
                bool joinsVerb = (v.Is(k, "or") || v.Is(k, "and")) && k + 1 < v.Count && v.IsLowerWord(k + 1) && (v.EndsWith(k + 1, "ed") || v.EndsWith(k + 1, "en"));
                // After an auxiliary the bare verb follows ("could extend", "will rebuild").
                bool bareAfterAux = k == last + 1 && v.In(last, Aux) && !v.In(k, Aux);
                if (!verbLike && !joinsVerb && !bareAfterAux) break;
                if (joinsVerb) k++;
                last = k;
                if (bareAfterAux && !verbLike) break;
            }
            // An auxiliary alone ("is", "was") is a copula: still the action ("was safe").
            return v.Range(t, last);
        }
        return null;
    }

}
