namespace Crosscheck.Evaluation.Stories;

/// <summary>Precision, recall and F1 of one clustering metric.</summary>
public readonly record struct ClusterScore(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores a clustering of items against a gold clustering. Items are those of the gold map; an
/// item the prediction does not mention counts as a cluster of its own, and predicted items
/// without gold are ignored (the caller warns about them).
/// </summary>
public static class ClusteringScores
{
    /// <summary>
    /// B-cubed (Bagga and Baldwin, 1998): for every item, the share of its predicted cluster that
    /// is in its gold cluster (precision) and the share of its gold cluster found in its predicted
    /// cluster (recall), averaged over items.
    /// </summary>
    public static ClusterScore BCubed(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        if (gold.Count == 0) return new ClusterScore(0, 0);
        var (predictedOf, goldOf) = Labels(predicted, gold);
        var predictedSize = Sizes(predictedOf.Values);
        var goldSize = Sizes(goldOf.Values);
        var both = Sizes(gold.Keys.Select(item => (predictedOf[item], goldOf[item])));
        double precision = 0, recall = 0;
        foreach (var item in gold.Keys)
        {
            int overlap = both[(predictedOf[item], goldOf[item])];
            precision += (double)overlap / predictedSize[predictedOf[item]];
            recall += (double)overlap / goldSize[goldOf[item]];
        }
        return new ClusterScore(precision / gold.Count, recall / gold.Count);
    }

    /// <summary>
    /// Pairwise: precision is the share of item pairs put together that belong together, recall
    /// the share of pairs that belong together that were put together. With no predicted pair
    /// (or no gold pair) the corresponding value is 1 when the other side has none either, else 0.
    /// </summary>
    public static ClusterScore Pairwise(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var (predictedOf, goldOf) = Labels(predicted, gold);
        long predictedPairs = Pairs(Sizes(predictedOf.Values).Values);
        long goldPairs = Pairs(Sizes(goldOf.Values).Values);
        long correctPairs = Pairs(Sizes(gold.Keys.Select(item => (predictedOf[item], goldOf[item]))).Values);
        double precision = predictedPairs == 0 ? (goldPairs == 0 ? 1 : 0) : (double)correctPairs / predictedPairs;
        double recall = goldPairs == 0 ? (predictedPairs == 0 ? 1 : 0) : (double)correctPairs / goldPairs;
        return new ClusterScore(precision, recall);
    }

    private static (Dictionary<string, string> Predicted, Dictionary<string, string> Gold) Labels(
        IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        var predictedOf = new Dictionary<string, string>(gold.Count, StringComparer.Ordinal);
        var goldOf = new Dictionary<string, string>(gold.Count, StringComparer.Ordinal);
        foreach (var (item, cluster) in gold)
        {
            goldOf[item] = cluster;
            // "\0" cannot occur in a real label, so an unclustered item is alone in its cluster.
            predictedOf[item] = predicted.TryGetValue(item, out var label) ? label : "\0" + item;
        }
        return (predictedOf, goldOf);
    }

    private static Dictionary<T, int> Sizes<T>(IEnumerable<T> labels) where T : notnull
    {
        var sizes = new Dictionary<T, int>();
        foreach (var label in labels) sizes[label] = sizes.GetValueOrDefault(label) + 1;
        return sizes;
    }

    private static long Pairs(IEnumerable<int> sizes)
    {
        long pairs = 0;
        foreach (int n in sizes) pairs += (long)n * (n - 1) / 2;
        return pairs;
    }
}
