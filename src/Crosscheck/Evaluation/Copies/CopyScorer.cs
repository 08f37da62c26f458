using System.Collections.Immutable;

namespace Crosscheck.Evaluation.Copies;

/// <summary>One report of a gold manifest: its kind (original, copy, rewrite, independent) and the report it derives from.</summary>
public sealed record GoldCopy(string Id, string Kind, string? CopyOf);

/// <summary>
/// Scores copy detection as pairs: two reports are a gold pair when they derive from one text (a
/// dispatch and its copies and rewrites), a system pair when the detector put them in one copy
/// group. Pair counts come from the contingency of gold and system groups, never from a loop
/// over all pairs. Also scores, per gold copy or rewrite, whether it landed in the group of the
/// text it derives from, and per gold independent report, whether it was left alone.
/// </summary>
public static class CopyScorer
{
    /// <param name="systemGroupOf">The system's copy group of a report id.</param>
    public static ImmutableArray<Metric> Score(IReadOnlyList<GoldCopy> gold, Func<string, string> systemGroupOf)
    {
        var goldGroupOf = gold.ToDictionary(g => g.Id, g => g.Kind is "copy" or "rewrite" && g.CopyOf is { Length: > 0 } o ? o : g.Id, StringComparer.Ordinal);
        var goldSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var systemSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var cells = new Dictionary<(string, string), long>();
        foreach (var g in gold)
        {
            string goldGroup = goldGroupOf[g.Id], systemGroup = systemGroupOf(g.Id);
            goldSizes[goldGroup] = goldSizes.GetValueOrDefault(goldGroup) + 1;
            systemSizes[systemGroup] = systemSizes.GetValueOrDefault(systemGroup) + 1;
            cells[(goldGroup, systemGroup)] = cells.GetValueOrDefault((goldGroup, systemGroup)) + 1;
        }
        // Per report: a copy or rewrite grouped with the text it derives from; an independent report left alone.
        int derivedGold = 0, derivedGrouped = 0, independentGold = 0, independentAlone = 0;
        foreach (var g in gold)
        {
            if (g.Kind is "copy" or "rewrite" && g.CopyOf is { } original && goldGroupOf.ContainsKey(original))
            {
                derivedGold++;
                if (systemGroupOf(g.Id) == systemGroupOf(original)) derivedGrouped++;
            }
            else if (g.Kind == "independent")
            {
                independentGold++;
                if (systemSizes[systemGroupOf(g.Id)] == 1) independentAlone++;
            }
        }
        long goldPairs = goldSizes.Values.Sum(Pairs), systemPairs = systemSizes.Values.Sum(Pairs), truePairs = cells.Values.Sum(Pairs);
        // Pair counts grow with the square of a group: kept in 64 bits, so Prf's ints are not used.
        double precision = systemPairs == 0 ? 0 : truePairs / (double)systemPairs;
        double recall = goldPairs == 0 ? 0 : truePairs / (double)goldPairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        int support = (int)Math.Min(int.MaxValue, goldPairs);
        return
        [
            new Metric("reports", gold.Count),
            new Metric("gold.derived", derivedGold),
            new Metric("pairs.precision", precision, support),
            new Metric("pairs.recall", recall, support),
            new Metric("pairs.f1", f1, support),
            new Metric("derived.grouped", derivedGold == 0 ? double.NaN : derivedGrouped / (double)derivedGold, derivedGold),
            new Metric("independent.alone", independentGold == 0 ? double.NaN : independentAlone / (double)independentGold, independentGold),
        ];
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
