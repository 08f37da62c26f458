using Crosscheck.Times;

namespace Crosscheck.Evaluation.Times;

/// <summary>Counts for TempEval-3 timex scoring, summed over documents.</summary>
/// <param name="StrictMatches">System spans equal to a gold span.</param>
/// <param name="RelaxedMatches">System spans overlapping a gold span (one-to-one).</param>
/// <param name="TypeCorrect">Relaxed matches whose type agrees.</param>
/// <param name="ValueCorrect">Relaxed matches whose value agrees.</param>
/// <param name="ValueEquivalent">Relaxed matches whose value is the same ISO 8601 / TIMEX3 value written another way
/// (<see cref="TimeScorer.Canonical"/>); includes <paramref name="ValueCorrect"/>.</param>
public readonly record struct TimeCounts(int Gold, int System, int StrictMatches, int RelaxedMatches, int TypeCorrect, int ValueCorrect, int ValueEquivalent = 0)
{
    public static TimeCounts operator +(TimeCounts a, TimeCounts b) => new(
        a.Gold + b.Gold, a.System + b.System, a.StrictMatches + b.StrictMatches, a.RelaxedMatches + b.RelaxedMatches,
        a.TypeCorrect + b.TypeCorrect, a.ValueCorrect + b.ValueCorrect, a.ValueEquivalent + b.ValueEquivalent);

    public Prf Strict => new(StrictMatches, System - StrictMatches, Gold - StrictMatches);

    public Prf Relaxed => new(RelaxedMatches, System - RelaxedMatches, Gold - RelaxedMatches);

    /// <summary>TempEval-3 attribute F1: a system expression counts when it overlaps gold and its value is right.</summary>
    public Prf Value => new(ValueCorrect, System - ValueCorrect, Gold - ValueCorrect);

    /// <summary>Value F1 with equivalent spellings counted as agreeing (gold "2000-W7" and "1968-XX" are "2000-W07" and "1968").</summary>
    public Prf ValueEquivalentForm => new(ValueEquivalent, System - ValueEquivalent, Gold - ValueEquivalent);

    public Prf Type => new(TypeCorrect, System - TypeCorrect, Gold - TypeCorrect);

    public double ValueAccuracy => RelaxedMatches == 0 ? 0 : (double)ValueCorrect / RelaxedMatches;

    public double TypeAccuracy => RelaxedMatches == 0 ? 0 : (double)TypeCorrect / RelaxedMatches;
}

/// <summary>
/// TempEval-3 timex matching: strict = identical span; relaxed = any overlap, each gold and system
/// expression used once. A system span is paired with an unused gold span of the same extent when
/// there is one, else with the unused gold span it overlaps most, so a partial match earlier in the
/// text never takes the gold span an exact match needs.
/// Types compare case-insensitively (TIMEX3 "DATE" vs <see cref="TimexType.Date"/>), values exactly.
/// </summary>
public static class TimeScorer
{
    public static TimeCounts Score(IReadOnlyList<GoldTimex> gold, IReadOnlyList<TimeExpression> system)
    {
        int strict = 0, relaxed = 0, type = 0, value = 0, equivalent = 0;
        foreach (var (g, s) in Pair(gold, system))
        {
            relaxed++;
            if (gold[g].Span == system[s].Span) strict++;
            if (string.Equals(gold[g].Type, system[s].Type.ToString(), StringComparison.OrdinalIgnoreCase)) type++;
            if (string.Equals(gold[g].Value, system[s].Value, StringComparison.Ordinal)) value++;
            if (string.Equals(Canonical(gold[g].Value), Canonical(system[s].Value), StringComparison.Ordinal)) equivalent++;
        }
        return new TimeCounts(gold.Count, system.Count, strict, relaxed, type, value, equivalent);
    }

    /// <summary>The relaxed one-to-one matching: (gold index, system index) for each matched pair.</summary>
    public static List<(int Gold, int System)> Pair(IReadOnlyList<GoldTimex> gold, IReadOnlyList<TimeExpression> system)
    {
        var pairs = new List<(int Gold, int System)>();
        var used = new bool[gold.Count];
        var exactFirst = Enumerable.Range(0, system.Count).OrderByDescending(s => gold.Any(g => g.Span == system[s].Span)).ToList();
        foreach (int s in exactFirst)
        {
            int best = -1, bestOverlap = 0;
            for (int g = 0; g < gold.Count; g++)
            {
                if (used[g] || !gold[g].Span.Overlaps(system[s].Span)) continue;
                int overlap = gold[g].Span == system[s].Span ? int.MaxValue
                    : Math.Min(gold[g].Span.End, system[s].Span.End) - Math.Max(gold[g].Span.Start, system[s].Span.Start);
                if (overlap > bestOverlap) (best, bestOverlap) = (g, overlap);
            }
            if (best < 0) continue;
            used[best] = true;
            pairs.Add((best, s));
        }
        return pairs;
    }

    /// <summary>
    /// Misses-file rows for one document: each gold expression not found, each system expression matching no gold one,
    /// and each match whose value differs (columns as <see cref="MissColumns"/>).
    /// </summary>
    public static IEnumerable<string> Misses(string document, string text, IReadOnlyList<GoldTimex> gold, IReadOnlyList<TimeExpression> system)
    {
        var pairs = Pair(gold, system);
        var goldMatched = new Dictionary<int, int>();
        foreach (var (g, s) in pairs) goldMatched[g] = s;
        var systemMatched = pairs.Select(p => p.System).ToHashSet();
        var rows = new List<(int At, string Row)>();
        for (int g = 0; g < gold.Count; g++)
        {
            var goldText = Slice(text, gold[g].Span);
            if (!goldMatched.TryGetValue(g, out int s)) rows.Add((gold[g].Span.Start, MissRow.Of(document, goldText, gold[g].Type, gold[g].Value, "", "", "", "missed")));
            else if (!string.Equals(gold[g].Value, system[s].Value, StringComparison.Ordinal))
                rows.Add((gold[g].Span.Start, MissRow.Of(document, goldText, gold[g].Type, gold[g].Value, Slice(text, system[s].Span), system[s].Type.ToString().ToUpperInvariant(), system[s].Value, "wrong value")));
        }
        for (int s = 0; s < system.Count; s++)
        {
            if (!systemMatched.Contains(s))
                rows.Add((system[s].Span.Start, MissRow.Of(document, "", "", "", Slice(text, system[s].Span), system[s].Type.ToString().ToUpperInvariant(), system[s].Value, "spurious")));
        }
        return rows.OrderBy(r => r.At).Select(r => r.Row);
    }

    public static string MissColumns => MissRow.Of("doc", "gold_text", "gold_type", "gold_value", "our_text", "our_type", "our_value", "kind");

    private static string Slice(string text, Span span) =>
        span.Start >= 0 && span.End <= text.Length && span.Start <= span.End ? text[span.Start..span.End] : "?";

    /// <summary>
    /// One spelling per TIMEX3 value, for the equivalence score only: a week number padded to two digits
    /// ("2000-W7" is "2000-W07"), trailing unspecified parts dropped ("1968-XX" and "1968-XX-XX" are "1968",
    /// "198X" is the decade "198"). Nothing else is rewritten, so a different date never becomes equal.
    /// </summary>
    public static string Canonical(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value;
        while (v.EndsWith("-XX", StringComparison.Ordinal) && v.Length > 4) v = v[..^3];
        int week = v.IndexOf("-W", StringComparison.Ordinal);
        if (week == 4 && v.Length == 7 && char.IsAsciiDigit(v[6])) v = v[..6] + "0" + v[6];
        if (v.Length == 4 && v[3] == 'X' && char.IsAsciiDigit(v[0]) && char.IsAsciiDigit(v[1]) && char.IsAsciiDigit(v[2])) v = v[..3];
        return v;
    }
}
