namespace Crosscheck.Entities;

/// <summary>Inputs of <see cref="WordClusterer.Cluster"/>.</summary>
public sealed record WordClusteringOptions
{
    /// <summary>Words seen fewer times get no cluster (and are one shared "rare word" context).</summary>
    public int MinimumCount { get; init; } = 3;

    /// <summary>Leaves of the cluster tree: the number of flat classes the exchange step finds.</summary>
    public int ClassCount { get; init; } = 256;

    /// <summary>Upper bound on exchange passes; a pass that moves almost no word ends the search earlier.</summary>
    public int MaximumPasses { get; init; } = 15;

    public Action<string>? Log { get; init; }
}

/// <summary>One clustered word: its bit-string path in the cluster tree ("0110..."), and how often it was seen.</summary>
public readonly record struct ClusteredWord(string Word, string Path, int Count);

/// <summary>
/// Induces word clusters from unlabeled sentences, deterministically, in two classic steps:
/// an exchange clustering (Kneser and Ney 1993; Martin et al. 1998; the two-sided form of
/// Uszkoreit and Brants 2008) that moves each word to the class whose left- and right-neighbour
/// distribution best predicts its own, and then a Brown-style agglomerative merge of those classes
/// into a binary tree, so each word gets a bit-string path whose prefixes are coarser clusters.
/// </summary>
/// <remarks>
/// The exchange objective is the log-likelihood of every token's neighbours given its word's class,
/// sum over (context, class) of N log N minus sum over classes of M log M (M = the class's context
/// events); a word move only changes the terms of its own contexts, so one pass costs the number of
/// distinct (word, neighbour) pairs times the class count. The tree merges, at each step, the two
/// classes whose merge loses the least of the same objective over class-level neighbours.
/// </remarks>
public static class WordClusterer
{
    public static IReadOnlyList<ClusteredWord> Cluster(IEnumerable<IReadOnlyList<string>> sentences, WordClusteringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= new WordClusteringOptions();
        var log = options.Log ?? (_ => { });
        var materialised = sentences as IReadOnlyList<IReadOnlyList<string>> ?? [.. sentences];

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        long tokenCount = 0;
        foreach (var sentence in materialised)
        {
            foreach (var token in sentence)
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
                tokenCount++;
            }
        }
        var words = counts.Where(kv => kv.Value >= options.MinimumCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).ToArray();
        int V = words.Length;
        if (V == 0) return [];
        int K = Math.Clamp(options.ClassCount, 1, V);
        var index = new Dictionary<string, int>(V, StringComparer.Ordinal);
        for (int w = 0; w < V; w++) index[words[w]] = w;

        // Context ids: a neighbour word on the left is its index, on the right V' + its index;
        // V is the rare-word context and V + 1 the sentence boundary.
        int sideSize = V + 2, rare = V, boundary = V + 1;
        int contextCount = 2 * sideSize;
        var wordCounts = new int[V];
        var pairCounts = new Dictionary<long, int>();
        var tokenIds = new List<int>();
        foreach (var sentence in materialised)
        {
            tokenIds.Clear();
            foreach (var token in sentence) tokenIds.Add(index.TryGetValue(token, out int id) ? id : rare);
            for (int i = 0; i < tokenIds.Count; i++)
            {
                int w = tokenIds[i];
                if (w == rare) continue;
                wordCounts[w]++;
                int left = i > 0 ? tokenIds[i - 1] : boundary;
                int right = i + 1 < tokenIds.Count ? tokenIds[i + 1] : boundary;
                Increment(pairCounts, (long)w * contextCount + left);
                Increment(pairCounts, (long)w * contextCount + sideSize + right);
            }
        }

        // Each word's contexts as a compact row (CSR), in context order so sums run in a fixed order.
        var sortedPairs = pairCounts.Keys.ToArray();
        Array.Sort(sortedPairs);
        var rowStart = new int[V + 1];
        var contextIds = new int[sortedPairs.Length];
        var contextCounts = new int[sortedPairs.Length];
        for (int p = 0; p < sortedPairs.Length; p++)
        {
            long key = sortedPairs[p];
            int w = (int)(key / contextCount);
            rowStart[w + 1]++;
            contextIds[p] = (int)(key % contextCount);
            contextCounts[p] = pairCounts[key];
        }
        for (int w = 0; w < V; w++) rowStart[w + 1] += rowStart[w];
        pairCounts = null;
        log($"clustering {V:N0} words (seen {options.MinimumCount}+ times) of {tokenCount:N0} tokens into {K} classes; {sortedPairs.Length:N0} word-context pairs");

        var classOf = new int[V];
        for (int w = 0; w < V; w++) classOf[w] = w % K;
        var joint = new int[(long)contextCount * K];
        var classEvents = new long[K];
        for (int w = 0; w < V; w++)
        {
            int c = classOf[w];
            for (int p = rowStart[w]; p < rowStart[w + 1]; p++) joint[(long)contextIds[p] * K + c] += contextCounts[p];
            classEvents[c] += 2L * wordCounts[w];
        }
        var xLogX = XLogXTable(2 * tokenCount + 2);

        var gain = new double[K];
        for (int pass = 0; pass < options.MaximumPasses; pass++)
        {
            int moved = 0;
            for (int w = 0; w < V; w++)
            {
                int from = classOf[w];
                long events = 2L * wordCounts[w];
                for (int p = rowStart[w]; p < rowStart[w + 1]; p++) joint[(long)contextIds[p] * K + from] -= contextCounts[p];
                classEvents[from] -= events;

                for (int c = 0; c < K; c++) gain[c] = -(XLogX(xLogX, classEvents[c] + events) - XLogX(xLogX, classEvents[c]));
                for (int p = rowStart[w]; p < rowStart[w + 1]; p++)
                {
                    int m = contextCounts[p];
                    var row = joint.AsSpan((int)((long)contextIds[p] * K), K);
                    for (int c = 0; c < K; c++)
                    {
                        int n = row[c];
                        gain[c] += xLogX[n + m] - xLogX[n];
                    }
                }
                // Staying wins ties, so a pass that finds no strictly better class changes nothing.
                int best = from;
                for (int c = 0; c < K; c++)
                {
                    if (gain[c] > gain[best] + 1e-9) best = c;
                }
                for (int p = rowStart[w]; p < rowStart[w + 1]; p++) joint[(long)contextIds[p] * K + best] += contextCounts[p];
                classEvents[best] += events;
                if (best != from)
                {
                    classOf[w] = best;
                    moved++;
                }
            }
            log($"exchange pass {pass + 1}: {moved:N0} words moved");
            if (moved <= V / 1000) break;
        }

        var paths = MergeIntoTree(materialised, index, classOf, K);
        var result = new ClusteredWord[V];
        for (int w = 0; w < V; w++) result[w] = new ClusteredWord(words[w], paths[classOf[w]], wordCounts[w]);
        return result;
    }

    /// <summary>
    /// Merges the flat classes into a binary tree by their class-level neighbour counts (left and
    /// right neighbour classes, rare words and boundaries as their own columns) and returns each
    /// class's root-to-leaf bit string; the first-merged side is 0.
    /// </summary>
    private static string[] MergeIntoTree(IReadOnlyList<IReadOnlyList<string>> sentences, Dictionary<string, int> index, int[] classOf, int K)
    {
        int side = K + 2, width = 2 * side;
        var vectors = new long[K][];
        for (int c = 0; c < K; c++) vectors[c] = new long[width];
        var classIds = new List<int>();
        foreach (var sentence in sentences)
        {
            classIds.Clear();
            foreach (var token in sentence) classIds.Add(index.TryGetValue(token, out int id) ? classOf[id] : K);
            for (int i = 0; i < classIds.Count; i++)
            {
                int c = classIds[i];
                if (c == K) continue;
                vectors[c][i > 0 ? classIds[i - 1] : K + 1]++;
                vectors[c][side + (i + 1 < classIds.Count ? classIds[i + 1] : K + 1)]++;
            }
        }

        var alive = new List<int>(Enumerable.Range(0, K));
        var cost = new double[K, K];
        for (int a = 0; a < K; a++)
        {
            for (int b = a + 1; b < K; b++) cost[a, b] = MergeLoss(vectors[a], vectors[b]);
        }
        // Children of each tree node; leaves are 0..K-1, merged nodes K.. (node ids of the merged pair's slot).
        var slotNode = Enumerable.Range(0, K).ToArray();
        var children = new List<(int Left, int Right)>();
        while (alive.Count > 1)
        {
            int bestA = -1, bestB = -1;
            double bestCost = double.PositiveInfinity;
            for (int i = 0; i < alive.Count; i++)
            {
                for (int j = i + 1; j < alive.Count; j++)
                {
                    int a = alive[i], b = alive[j];
                    if (cost[a, b] < bestCost - 1e-9)
                    {
                        bestCost = cost[a, b];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            for (int d = 0; d < width; d++) vectors[bestA][d] += vectors[bestB][d];
            alive.Remove(bestB);
            children.Add((slotNode[bestA], slotNode[bestB]));
            slotNode[bestA] = K + children.Count - 1;
            foreach (int other in alive)
            {
                if (other == bestA) continue;
                int a = Math.Min(bestA, other), b = Math.Max(bestA, other);
                cost[a, b] = MergeLoss(vectors[a], vectors[b]);
            }
        }

        var paths = new string[K];
        if (children.Count == 0)
        {
            paths[0] = "0";
            return paths;
        }
        var stack = new Stack<(int Node, string Path)>();
        stack.Push((K + children.Count - 1, ""));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (node < K)
            {
                paths[node] = path.Length == 0 ? "0" : path;
                continue;
            }
            var (left, right) = children[node - K];
            stack.Push((right, path + "1"));
            stack.Push((left, path + "0"));
        }
        return paths;
    }

    private static double MergeLoss(long[] a, long[] b)
    {
        // What the neighbour log-likelihood loses when two classes become one (never negative).
        double loss = 0;
        long totalA = 0, totalB = 0;
        for (int d = 0; d < a.Length; d++)
        {
            long x = a[d], y = b[d];
            totalA += x;
            totalB += y;
            if (x == 0 || y == 0) continue;
            loss += XLogX(x) + XLogX(y) - XLogX(x + y);
        }
        return loss - (XLogX(totalA) + XLogX(totalB) - XLogX(totalA + totalB));
    }

    private static double XLogX(long x) => x <= 0 ? 0 : x * Math.Log(x);

    private static double XLogX(double[] table, long x) => x < table.Length ? table[x] : XLogX(x);

    private static double[] XLogXTable(long size)
    {
        var table = new double[Math.Min(size, 1L << 26)];
        for (int x = 1; x < table.Length; x++) table[x] = x * Math.Log(x);
        return table;
    }

    private static void Increment(Dictionary<long, int> counts, long key)
    {
        ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        slot++;
    }
}
