namespace Crosscheck.Entities;

/// <summary>
/// Turns the tokens of one sentence into hashed feature indexes, a fixed number per token, with
/// no allocation per token. Training and decoding share this code, so a model always sees the
/// features it was trained on. Every template always yields one feature (out-of-sentence
/// neighbours hash a boundary marker), which keeps the table layout trivially indexable.
/// </summary>
internal static class NerFeatures
{
    public const int PerToken = 42;

    /// <summary>Where the word-cluster templates start among a token's features (they run to the end).</summary>
    internal const int FirstClusterFeature = 30;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const uint Boundary = 0x5bd1e995;

    // Per-token base hashes computed once per sentence, reused by the neighbour templates.
    private struct TokenInfo
    {
        public uint Lower;
        public uint Exact;
        public uint Shape;
        public uint Suffix3;
        public int CapClass;
        public int Lexicon;
        public ClusterCodes Cluster;
    }

    /// <summary>Writes <see cref="PerToken"/> bucket indexes per token into <paramref name="output"/> (token-major).</summary>
    public static void Extract(string text, ReadOnlySpan<Span> tokens, int bucketMask, Span<int> output) =>
        Extract(text, tokens, bucketMask, output, WordClusters.Default);

    /// <summary>The same with another cluster table (tests); a model only works with the table it was trained with.</summary>
    internal static void Extract(string text, ReadOnlySpan<Span> tokens, int bucketMask, Span<int> output, WordClusters clusters)
    {
        int n = tokens.Length;
        var info = n <= 256 ? stackalloc TokenInfo[n] : new TokenInfo[n];
        for (int i = 0; i < n; i++)
        {
            var word = tokens[i].SliceOf(text);
            info[i] = new TokenInfo
            {
                Lower = HashLower(1, word),
                Exact = HashExact(2, word),
                Shape = HashShape(3, word),
                Suffix3 = word.Length > 3 ? HashLower(11, word[^3..]) : HashLower(11, word),
                CapClass = CapitalisationClass(word),
                Lexicon = LexiconFlags(word),
                Cluster = clusters.Lookup(word),
            };
        }
        MarkPlaces(text, tokens, info);

        for (int i = 0; i < n; i++)
        {
            var word = tokens[i].SliceOf(text);
            var f = output.Slice(i * PerToken, PerToken);
            ref readonly var me = ref info[i];
            uint prevLower = i > 0 ? info[i - 1].Lower : Boundary;
            uint nextLower = i + 1 < n ? info[i + 1].Lower : Boundary + 1;
            uint prev2Lower = i > 1 ? info[i - 2].Lower : Boundary + 2;
            uint next2Lower = i + 2 < n ? info[i + 2].Lower : Boundary + 3;
            uint prevShape = i > 0 ? info[i - 1].Shape : Boundary + 4;
            uint nextShape = i + 1 < n ? info[i + 1].Shape : Boundary + 5;
            int prevCap = i > 0 ? info[i - 1].CapClass : 7;
            int nextCap = i + 1 < n ? info[i + 1].CapClass : 8;
            int prevLex = i > 0 ? info[i - 1].Lexicon : 16;
            int nextLex = i + 1 < n ? info[i + 1].Lexicon : 17;
            int next2Lex = i + 2 < n ? info[i + 2].Lexicon : 18;

            int k = 0;
            f[k++] = Bucket(Mix(0, 0), bucketMask);
            f[k++] = Bucket(me.Lower, bucketMask);
            f[k++] = Bucket(me.Exact, bucketMask);
            f[k++] = Bucket(me.Shape, bucketMask);
            for (int len = 1; len <= 4; len++)
            {
                f[k++] = Bucket(HashLower(20 + (uint)len, word.Length > len ? word[..len] : word), bucketMask);
            }
            for (int len = 1; len <= 4; len++)
            {
                f[k++] = Bucket(HashLower(30 + (uint)len, word.Length > len ? word[^len..] : word), bucketMask);
            }
            f[k++] = Bucket(Mix(40, (uint)(me.CapClass * 2 + (i == 0 ? 1 : 0))), bucketMask);
            f[k++] = Bucket(Mix(41, prevLower), bucketMask);
            f[k++] = Bucket(Mix(42, nextLower), bucketMask);
            f[k++] = Bucket(Mix(43, prev2Lower), bucketMask);
            f[k++] = Bucket(Mix(44, next2Lower), bucketMask);
            f[k++] = Bucket(Mix(45, prevShape), bucketMask);
            f[k++] = Bucket(Mix(46, nextShape), bucketMask);
            f[k++] = Bucket(Mix(Mix(47, prevLower), me.Lower), bucketMask);
            f[k++] = Bucket(Mix(Mix(48, me.Lower), nextLower), bucketMask);
            f[k++] = Bucket(Mix(49, (uint)me.Lexicon), bucketMask);
            f[k++] = Bucket(Mix(50, (uint)prevLex), bucketMask);
            f[k++] = Bucket(Mix(51, (uint)nextLex), bucketMask);
            f[k++] = Bucket(Mix(Mix(Mix(52, prevShape), me.Shape), nextShape), bucketMask);
            f[k++] = Bucket(Mix(53, (uint)(prevCap * 64 + me.CapClass * 8 + nextCap)), bucketMask);
            f[k++] = Bucket(Mix(54, (uint)next2Lex), bucketMask);
            f[k++] = Bucket(Mix(Mix(55, prevLower), me.Shape), bucketMask);
            f[k++] = Bucket(Mix(Mix(56, me.Suffix3), (uint)(i == 0 ? 1 : 0)), bucketMask);
            f[k++] = Bucket(Mix(Mix(57, me.Shape), nextLower), bucketMask);
            // Word clusters: coarse path prefixes generalise from seen names to unseen ones used alike.
            uint prevCluster = i > 0 ? info[i - 1].Cluster.Path : Boundary + 6;
            uint nextCluster = i + 1 < n ? info[i + 1].Cluster.Path : Boundary + 7;
            f[k++] = Bucket(Mix(58, me.Cluster.Prefix4), bucketMask);
            f[k++] = Bucket(Mix(59, me.Cluster.Prefix6), bucketMask);
            f[k++] = Bucket(Mix(60, me.Cluster.Prefix10), bucketMask);
            f[k++] = Bucket(Mix(61, me.Cluster.Path), bucketMask);
            f[k++] = Bucket(Mix(62, prevCluster), bucketMask);
            f[k++] = Bucket(Mix(63, nextCluster), bucketMask);
            // Cluster pairs and cluster with capitals: "President <surname cluster>" patterns no single word carries.
            f[k++] = Bucket(Mix(Mix(64, prevCluster), me.Cluster.Path), bucketMask);
            f[k++] = Bucket(Mix(Mix(65, me.Cluster.Path), nextCluster), bucketMask);
            f[k++] = Bucket(Mix(Mix(66, me.Cluster.Prefix6), (uint)me.CapClass), bucketMask);
            uint prev2Cluster = i > 1 ? info[i - 2].Cluster.Path : Boundary + 8;
            uint next2Cluster = i + 2 < n ? info[i + 2].Cluster.Path : Boundary + 9;
            uint prevPrefix4 = i > 0 ? info[i - 1].Cluster.Prefix4 : Boundary + 6;
            uint nextPrefix4 = i + 1 < n ? info[i + 1].Cluster.Prefix4 : Boundary + 7;
            f[k++] = Bucket(Mix(67, prev2Cluster), bucketMask);
            f[k++] = Bucket(Mix(68, next2Cluster), bucketMask);
            f[k] = Bucket(Mix(Mix(Mix(69, prevPrefix4), me.Cluster.Prefix4), nextPrefix4), bucketMask);
        }
    }

    private static int Bucket(uint hash, int mask) => (int)(Finalize(hash) & (uint)mask);

    private static uint Mix(uint a, uint b)
    {
        uint h = (a ^ FnvOffset) * FnvPrime;
        h = (h ^ b) * FnvPrime;
        return h ^ (h >> 15);
    }

    private static uint Finalize(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >> 16);
    }

    private static uint HashLower(uint template, ReadOnlySpan<char> word)
    {
        uint h = (FnvOffset ^ template) * FnvPrime;
        foreach (char c in word) h = (h ^ char.ToLowerInvariant(c)) * FnvPrime;
        return h;
    }

    private static uint HashExact(uint template, ReadOnlySpan<char> word)
    {
        uint h = (FnvOffset ^ template) * FnvPrime;
        foreach (char c in word) h = (h ^ c) * FnvPrime;
        return h;
    }

    // Collapsed word shape: "Zelenskyy" -> Xx, "HUR" -> X, "95th" -> dx, "U.S." -> X.X.
    private static uint HashShape(uint template, ReadOnlySpan<char> word)
    {
        uint h = (FnvOffset ^ template) * FnvPrime;
        char last = '\0';
        int written = 0;
        foreach (char c in word)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (s == last) continue;
            last = s;
            h = (h ^ s) * FnvPrime;
            if (++written >= 8) break;
        }
        return h;
    }

    internal static int CapitalisationClass(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return 6;
        char first = word[0];
        if (char.IsDigit(first)) return 3;
        if (!char.IsLetter(first)) return 4;
        if (char.IsLower(first)) return 0;
        if (word.Length == 1) return 5;
        bool anyLower = false;
        foreach (char c in word)
        {
            if (char.IsLower(c)) { anyLower = true; break; }
        }
        return anyLower ? 1 : 2;
    }

    // Gazetteer bits: 16 = a capitalised word that names a place; 32 = part of a capitalised word pair that does.
    private static void MarkPlaces(string text, ReadOnlySpan<Span> tokens, Span<TokenInfo> info)
    {
        var places = PlaceNameSet.Default;
        if (places.Count == 0) return;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (info[i].CapClass != 1) continue;
            var word = tokens[i].SliceOf(text);
            uint hash = PlaceNameSet.Hash(word);
            if (places.ContainsHash(hash)) info[i].Lexicon |= 16;
            if (i + 1 < tokens.Length && info[i + 1].CapClass == 1 && places.ContainsHash(PlaceNameSet.Continue(hash, tokens[i + 1].SliceOf(text))))
            {
                info[i].Lexicon |= 32;
                info[i + 1].Lexicon |= 32;
            }
        }
    }

    private static int LexiconFlags(ReadOnlySpan<char> word)
    {
        int flags = 0;
        if (Lexicons.Contains(Lexicons.Titles, word)) flags |= 1;
        if (Lexicons.Contains(Lexicons.Nationalities, word)) flags |= 2;
        if (Lexicons.Contains(Lexicons.OrganizationKeywords, word)) flags |= 4;
        if (Lexicons.Contains(Lexicons.UnitNouns, word)) flags |= 8;
        return flags;
    }
}
