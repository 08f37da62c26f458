using System.Collections.Immutable;

namespace Crosscheck.Evaluation.Attribution;

/// <summary>Counts per role (source, cue, content) under exact and overlap matching, and per attribution.</summary>
public sealed class AttributionScores
{
    public Prf SourceExact { get; internal set; }
    public Prf SourceOverlap { get; internal set; }
    public Prf CueExact { get; internal set; }
    public Prf CueOverlap { get; internal set; }
    public Prf ContentExact { get; internal set; }
    public Prf ContentOverlap { get; internal set; }

    /// <summary>An attribution matches when its cue overlaps the gold cue and its content overlaps the gold content.</summary>
    public Prf Attribution { get; internal set; }

    /// <summary>Like <see cref="Attribution"/>, and the sources overlap too (or both have none).</summary>
    public Prf AttributionWithSource { get; internal set; }

    public IEnumerable<Metric> ToMetrics() =>
    [
        .. SourceExact.ToMetrics("source.exact"), .. SourceOverlap.ToMetrics("source.overlap"),
        .. CueExact.ToMetrics("cue.exact"), .. CueOverlap.ToMetrics("cue.overlap"),
        .. ContentExact.ToMetrics("content.exact"), .. ContentOverlap.ToMetrics("content.overlap"),
        .. Attribution.ToMetrics("attribution"), .. AttributionWithSource.ToMetrics("attribution_with_source"),
    ];
}

/// <summary>
/// Scores predicted against gold attributions of one text at a time, one-to-one (each gold item
/// matches at most one prediction, greedily by overlap size).
/// Exact: the role's extent (first to last character of its parts) is equal once whitespace and
/// punctuation at both ends are trimmed (so "said:" equals "said", and a quote's closing comma does not count).
/// Overlap: any character of the prediction's parts lies in any part of the gold role.
/// Roles a side does not have (an attribution without a source) are not items.
/// </summary>
public static class AttributionScorer
{
    public static AttributionScores Score(IEnumerable<(string Text, ImmutableArray<GoldAttribution> Gold, ImmutableArray<GoldAttribution> Predicted)> documents)
    {
        var scores = new AttributionScores();
        foreach (var (text, gold, predicted) in documents)
        {
            scores.SourceExact += MatchRole(text, gold, predicted, a => a.Source, exact: true);
            scores.SourceOverlap += MatchRole(text, gold, predicted, a => a.Source, exact: false);
            scores.CueExact += MatchRole(text, gold, predicted, a => a.Cue, exact: true);
            scores.CueOverlap += MatchRole(text, gold, predicted, a => a.Cue, exact: false);
            scores.ContentExact += MatchRole(text, gold, predicted, a => a.Content, exact: true);
            scores.ContentOverlap += MatchRole(text, gold, predicted, a => a.Content, exact: false);
            scores.Attribution += MatchAttributions(gold, predicted, withSource: false);
            scores.AttributionWithSource += MatchAttributions(gold, predicted, withSource: true);
        }
        return scores;
    }

    /// <summary>Converts the stage's output to the gold shape.</summary>
    public static GoldAttribution ToGoldShape(Claims.Attribution a) =>
        new(a.Source is { } s ? [s] : [], a.Cue is { } c ? [c] : [], a.AllContent);

    private static Prf MatchRole(string text, ImmutableArray<GoldAttribution> gold, ImmutableArray<GoldAttribution> predicted,
        Func<GoldAttribution, ImmutableArray<Span>> role, bool exact)
    {
        var g = gold.Select(role).Where(x => !x.IsDefaultOrEmpty).ToList();
        var p = predicted.Select(role).Where(x => !x.IsDefaultOrEmpty).ToList();
        // Univocal gold can still repeat a role span (one source for two cues): match each distinct span once.
        g = g.DistinctBy(Key).ToList();
        p = p.DistinctBy(Key).ToList();
        var candidates = new List<(int Overlap, int P, int G)>();
        for (int i = 0; i < p.Count; i++)
        {
            for (int j = 0; j < g.Count; j++)
            {
                int overlap = Overlap(p[i], g[j]);
                if (exact ? SameExtent(text, p[i], g[j]) : overlap > 0) candidates.Add((overlap, i, j));
            }
        }
        int tp = Greedy(candidates, p.Count, g.Count);
        return new Prf(tp, p.Count - tp, g.Count - tp);
    }

    private static Prf MatchAttributions(ImmutableArray<GoldAttribution> gold, ImmutableArray<GoldAttribution> predicted, bool withSource)
    {
        var candidates = new List<(int Overlap, int P, int G)>();
        for (int i = 0; i < predicted.Length; i++)
        {
            for (int j = 0; j < gold.Length; j++)
            {
                var pa = predicted[i];
                var ga = gold[j];
                int cue = Overlap(pa.Cue, ga.Cue), content = Overlap(pa.Content, ga.Content);
                if (cue <= 0 || content <= 0) continue;
                if (withSource && !(pa.Source.IsDefaultOrEmpty && ga.Source.IsDefaultOrEmpty) && Overlap(pa.Source, ga.Source) <= 0) continue;
                candidates.Add((cue + content, i, j));
            }
        }
        int tp = Greedy(candidates, predicted.Length, gold.Length);
        return new Prf(tp, predicted.Length - tp, gold.Length - tp);
    }

    private static int Greedy(List<(int Overlap, int P, int G)> candidates, int predictedCount, int goldCount)
    {
        candidates.Sort((a, b) => b.Overlap != a.Overlap ? b.Overlap.CompareTo(a.Overlap) : a.P != b.P ? a.P.CompareTo(b.P) : a.G.CompareTo(b.G));
        var usedP = new bool[predictedCount];
        var usedG = new bool[goldCount];
        int tp = 0;
        foreach (var (_, pi, gi) in candidates)
        {
            if (usedP[pi] || usedG[gi]) continue;
            usedP[pi] = usedG[gi] = true;
            tp++;
        }
        return tp;
    }

    private static string Key(ImmutableArray<Span> parts) => string.Join(";", parts.Select(s => $"{s.Start}-{s.End}"));

    /// <summary>Characters the two sets of spans share.</summary>
    public static int Overlap(ImmutableArray<Span> a, ImmutableArray<Span> b)
    {
        if (a.IsDefaultOrEmpty || b.IsDefaultOrEmpty) return 0;
        int total = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                int start = Math.Max(x.Start, y.Start), end = Math.Min(x.End, y.End);
                if (end > start) total += end - start;
            }
        }
        return total;
    }

    internal static bool SameExtent(string text, ImmutableArray<Span> a, ImmutableArray<Span> b) => Trim(text, a) == Trim(text, b);

    private static (int, int) Trim(string text, ImmutableArray<Span> parts)
    {
        int start = parts.Min(s => s.Start), end = parts.Max(s => s.End);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        while (start < end && IsTrimmable(text[start])) start++;
        while (end > start && IsTrimmable(text[end - 1])) end--;
        return (start, end);
    }

    private static bool IsTrimmable(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c);
}
