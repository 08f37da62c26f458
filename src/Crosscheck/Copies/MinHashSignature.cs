namespace Crosscheck.Copies;

/// <summary>
/// A MinHash sketch of a text's set of word shingles (runs of <see cref="ShingleWords"/> words of
/// the folded text), built by one-permutation hashing: each shingle hash falls into one of
/// <see cref="Size"/> bins by its top bits and the bin keeps its least value, so building costs
/// one pass over the words however many bins there are. Empty bins (short texts) borrow from the
/// next filled bin, mixed with the distance (rotation densification), which keeps the share of
/// equal bins an unbiased estimate of the Jaccard similarity of the two shingle sets.
/// </summary>
public sealed class MinHashSignature
{
    public const int Size = 96;
    public const int ShingleWords = 4;

    private const ulong Empty = ulong.MaxValue;

    private MinHashSignature(ulong[] bins, int shingles)
    {
        Bins = bins;
        Shingles = shingles;
    }

    /// <summary>The bin minima; equal positions of two signatures estimate their similarity.</summary>
    public ulong[] Bins { get; }

    /// <summary>How many shingles the text has (its set size, near enough: repeats are rare in prose).</summary>
    public int Shingles { get; }

    public bool IsEmpty => Shingles == 0;

    public static MinHashSignature Of(string text) => Of(MatchingText.WordHashes(text));

    public static MinHashSignature Of(List<ulong> words)
    {
        var bins = new ulong[Size];
        Array.Fill(bins, Empty);
        int shingles = 0;
        // A text shorter than one shingle is sketched from its words, so it still matches its copies.
        int width = Math.Min(ShingleWords, words.Count);
        for (int i = 0; width > 0 && i + width <= words.Count; i++)
        {
            ulong h = words[i];
            for (int k = 1; k < width; k++) h = MatchingText.Mix(h * 31 + words[i + k]);
            h = MatchingText.Mix(h);
            int bin = (int)((h >> 32) % Size);
            ulong value = h & 0x00FF_FFFF_FFFF_FFFFUL;
            if (value < bins[bin]) bins[bin] = value;
            shingles++;
        }
        if (shingles > 0) Densify(bins);
        return new MinHashSignature(bins, shingles);
    }

    private static void Densify(ulong[] bins)
    {
        var source = (ulong[])bins.Clone();
        for (int i = 0; i < Size; i++)
        {
            if (source[i] != Empty) continue;
            int distance = 1;
            while (source[(i + distance) % Size] == Empty) distance++;
            bins[i] = MatchingText.Mix(source[(i + distance) % Size] + (ulong)distance * 0x9E3779B97F4A7C15UL) & 0x00FF_FFFF_FFFF_FFFFUL;
        }
    }

    /// <summary>Estimated Jaccard similarity of the two shingle sets, 0..1.</summary>
    public double Similarity(MinHashSignature other)
    {
        if (IsEmpty || other.IsEmpty) return 0;
        int equal = 0;
        for (int i = 0; i < Size; i++)
            if (Bins[i] == other.Bins[i]) equal++;
        return equal / (double)Size;
    }

    /// <summary>
    /// <see cref="Similarity(MinHashSignature)"/>, but gives up early (returning 0) when the first
    /// third of the bins already shows the pair far below <paramref name="atLeast"/>: most
    /// candidates from a crowded bucket are unrelated, and reading all bins of each is the cost.
    /// </summary>
    public double Similarity(MinHashSignature other, double atLeast)
    {
        if (IsEmpty || other.IsEmpty) return 0;
        const int Probe = Size / 3;
        int equal = 0;
        for (int i = 0; i < Probe; i++)
            if (Bins[i] == other.Bins[i]) equal++;
        // A quarter of the bar on a third of the bins: at the rewrite bar (0.12) a pair fails this
        // only with no equal bin, about one time in sixty; at the copy bar, practically never.
        if (equal < atLeast * Probe / 4) return 0;
        for (int i = Probe; i < Size; i++)
            if (Bins[i] == other.Bins[i]) equal++;
        return equal / (double)Size;
    }

    /// <summary>
    /// Estimated share of the smaller text's shingles that the other has too, from the Jaccard
    /// estimate and the set sizes: a shortened copy is contained in its original.
    /// </summary>
    public double Containment(MinHashSignature other, double similarity)
    {
        int smaller = Math.Min(Shingles, other.Shingles);
        if (smaller == 0) return 0;
        double intersection = similarity * (Shingles + other.Shingles) / (1 + similarity);
        return Math.Min(1, intersection / smaller);
    }
}
