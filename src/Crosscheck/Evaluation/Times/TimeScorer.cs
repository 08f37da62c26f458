using Crosscheck.Times;

namespace Crosscheck.Evaluation.Times;

/// <summary>Counts for TempEval-3 timex scoring, summed over documents.</summary>
/// <param name="StrictMatches">System spans equal to a gold span.</param>
/// <param name="RelaxedMatches">System spans overlapping a gold span (one-to-one).</param>
/// <param name="TypeCorrect">Relaxed matches whose type agrees.</param>
/// <param name="ValueCorrect">Relaxed matches whose value agrees.</param>
public readonly record struct TimeCounts(int Gold, int System, int StrictMatches, int RelaxedMatches, int TypeCorrect, int ValueCorrect)
{
    public static TimeCounts operator +(TimeCounts a, TimeCounts b) => new(
        a.Gold + b.Gold, a.System + b.System, a.StrictMatches + b.StrictMatches, a.RelaxedMatches + b.RelaxedMatches,
        a.TypeCorrect + b.TypeCorrect, a.ValueCorrect + b.ValueCorrect);

    public Prf Strict => new(StrictMatches, System - StrictMatches, Gold - StrictMatches);

    public Prf Relaxed => new(RelaxedMatches, System - RelaxedMatches, Gold - RelaxedMatches);

    /// <summary>TempEval-3 attribute F1: a system expression counts when it overlaps gold and its value is right.</summary>
    public Prf Value => new(ValueCorrect, System - ValueCorrect, Gold - ValueCorrect);

    public Prf Type => new(TypeCorrect, System - TypeCorrect, Gold - TypeCorrect);

    public double ValueAccuracy => RelaxedMatches == 0 ? 0 : (double)ValueCorrect / RelaxedMatches;

    public double TypeAccuracy => RelaxedMatches == 0 ? 0 : (double)TypeCorrect / RelaxedMatches;
}

/// <summary>
/// TempEval-3 timex matching: strict = identical span; relaxed = any overlap, each gold and system
/// expression used once (a system span is paired with the first unused gold span it overlaps, in text order).
/// Types compare case-insensitively (TIMEX3 "DATE" vs <see cref="TimexType.Date"/>), values exactly.
/// </summary>
public static class TimeScorer
{
    public static TimeCounts Score(IReadOnlyList<GoldTimex> gold, IReadOnlyList<TimeExpression> system)
    {
        int strict = 0, relaxed = 0, type = 0, value = 0;
        var used = new bool[gold.Count];
        foreach (var s in system)
        {
            for (int g = 0; g < gold.Count; g++)
            {
                if (used[g] || !gold[g].Span.Overlaps(s.Span)) continue;
                used[g] = true;
                relaxed++;
                if (gold[g].Span == s.Span) strict++;
                if (string.Equals(gold[g].Type, s.Type.ToString(), StringComparison.OrdinalIgnoreCase)) type++;
                if (string.Equals(gold[g].Value, s.Value, StringComparison.Ordinal)) value++;
                break;
            }
        }
        return new TimeCounts(gold.Count, system.Count, strict, relaxed, type, value);
    }
}
