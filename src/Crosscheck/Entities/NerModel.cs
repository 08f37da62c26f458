using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.IO.Compression;

namespace Crosscheck.Entities;

/// <summary>
/// A trained named-entity tagger: an averaged perceptron over hashed token features
/// (<see cref="NerFeatures"/>) with a tag-transition matrix, decoded by Viterbi over BIO tags.
/// Immutable after loading and safe to share between threads.
/// </summary>
/// <remarks>
/// Tags: 0 is O; type k (in <see cref="Types"/> order) has B at 1+2k and I at 2+2k. The model knows
/// Person, Organization, Place, Group (nationalities and demonyms, GMB's <c>gpe</c>) and Other (MISC);
/// military units come from rules in <see cref="EntityStage"/> on top of the model.
/// File: gzip of "XNER", version, bucket bits, tag count, weight scale, transitions (float32),
/// weights quantised to int16 (bucket-major, so one feature's tag weights share a cache line).
/// </remarks>
public sealed class NerModel
{
    /// <summary>Entity types the statistical model predicts, in tag order.</summary>
    public static readonly IReadOnlyList<EntityType> Types =
        [EntityType.Person, EntityType.Organization, EntityType.Place, EntityType.Group, EntityType.Other];

    public const string ResourceFileName = "ner-model.bin.gz";

    private const int FormatVersion = 1;
    private static readonly Lazy<NerModel> Default = new(LoadEmbedded);

    // Quantised weights, bucket-major; a score is the integer sum of a token's feature weights times _scale.
    private readonly short[] _weights;
    private readonly float _scale;
    private readonly float[] _transitions;

    private NerModel(int bucketBits, short[] weights, float scale, float[] transitions)
    {
        BucketBits = bucketBits;
        _weights = weights;
        _scale = scale;
        _transitions = transitions;
    }

    /// <summary>Quantises trained float weights to int16 with one scale (what <see cref="Save"/> stores).</summary>
    internal static NerModel FromTrained(int bucketBits, float[] weights, float[] transitions)
    {
        float max = 0;
        foreach (var w in weights) max = Math.Max(max, Math.Abs(w));
        float scale = max > 0 ? max / short.MaxValue : 1f;
        var quantised = new short[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            quantised[i] = (short)Math.Clamp(MathF.Round(weights[i] / scale), short.MinValue, short.MaxValue);
        }
        return new NerModel(bucketBits, quantised, scale, transitions);
    }

    public static int TagCount => 1 + 2 * Types.Count;

    internal int BucketBits { get; }

    internal int BucketMask => (1 << BucketBits) - 1;

    internal static bool IsBegin(int tag) => tag > 0 && (tag & 1) == 1;

    internal static bool IsInside(int tag) => tag > 0 && (tag & 1) == 0;

    internal static int TypeIndexOf(int tag) => (tag - 1) / 2;

    internal static int BeginTag(int typeIndex) => 1 + 2 * typeIndex;

    /// <summary>The model trained by <see cref="NerTrainer"/> and shipped inside the library; loaded once.</summary>
    /// <exception cref="InvalidOperationException">The library was built without the model resource.</exception>
    public static NerModel LoadDefault() => Default.Value;

    private static NerModel LoadEmbedded()
    {
        var assembly = typeof(NerModel).Assembly;
        string? name = null;
        foreach (var candidate in assembly.GetManifestResourceNames())
        {
            if (candidate.EndsWith(ResourceFileName, StringComparison.Ordinal)) name = candidate;
        }
        using var stream = (name is null ? null : assembly.GetManifestResourceStream(name))
            ?? throw new InvalidOperationException($"The NER model resource '{ResourceFileName}' is not embedded; train it with NerTrainer.Train and rebuild.");
        return Load(stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/> (gzip'd).</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of this format.</exception>
    public static NerModel Load(Stream gzipStream)
    {
        using var gzip = new GZipStream(gzipStream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered);
        if (reader.ReadUInt32() != 0x52454E58 || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a Crosscheck NER model (bad magic or version).");
        }
        int bits = reader.ReadInt32();
        int tags = reader.ReadInt32();
        if (tags != TagCount || bits is < 8 or > 26) throw new InvalidDataException($"NER model has {tags} tags and {bits} bucket bits; expected {TagCount} tags.");
        float scale = reader.ReadSingle();
        var transitions = new float[(tags + 1) * tags];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = reader.ReadSingle();
        var weights = new short[(1 << bits) * tags];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < weights.Length; i++) weights[i] = BinaryPrimitives.ReverseEndianness(weights[i]);
        }
        return new NerModel(bits, weights, scale, transitions);
    }

    /// <summary>Writes the model gzip'd; the same model always gives the same bytes.</summary>
    public void Save(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(0x52454E58u);
        writer.Write(FormatVersion);
        writer.Write(BucketBits);
        writer.Write(TagCount);
        writer.Write(_scale);
        foreach (var t in _transitions) writer.Write(t);
        var raw = new byte[_weights.Length * 2];
        for (int i = 0; i < _weights.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(raw.AsSpan(2 * i), _weights[i]);
        writer.Write(raw);
    }

    /// <summary>Tags the tokens of one sentence (tag ids as described on the class) into <paramref name="tags"/>.</summary>
    public void Decode(string text, ReadOnlySpan<Span> tokens, Span<int> tags)
    {
        int n = tokens.Length;
        if (n == 0) return;
        var features = ArrayPool<int>.Shared.Rent(n * NerFeatures.PerToken);
        var scores = ArrayPool<float>.Shared.Rent(n * TagCount);
        try
        {
            NerFeatures.Extract(text, tokens, BucketMask, features);
            Score(features, n, scores);
            Viterbi(scores, n, _transitions, tags);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(features);
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    internal void Score(ReadOnlySpan<int> features, int n, Span<float> scores)
    {
        int tagCount = TagCount;
        Span<int> sums = stackalloc int[16];
        for (int i = 0; i < n; i++)
        {
            sums.Clear();
            foreach (int bucket in features.Slice(i * NerFeatures.PerToken, NerFeatures.PerToken))
            {
                var w = _weights.AsSpan(bucket * tagCount, tagCount);
                for (int t = 0; t < w.Length; t++) sums[t] += w[t];
            }
            var row = scores.Slice(i * tagCount, tagCount);
            for (int t = 0; t < tagCount; t++) row[t] = sums[t] * _scale;
        }
    }

    /// <summary>The trainer's float-weight scoring (same layout as the model's).</summary>
    internal static void Score(ReadOnlySpan<float> weights, ReadOnlySpan<int> features, int n, Span<float> scores)
    {
        int tagCount = TagCount;
        scores[..(n * tagCount)].Clear();
        for (int i = 0; i < n; i++)
        {
            var row = scores.Slice(i * tagCount, tagCount);
            var f = features.Slice(i * NerFeatures.PerToken, NerFeatures.PerToken);
            foreach (int bucket in f)
            {
                var w = weights.Slice(bucket * tagCount, tagCount);
                for (int t = 0; t < tagCount; t++) row[t] += w[t];
            }
        }
    }

    /// <summary>Best tag path under the BIO constraint (I-X only after B-X or I-X).</summary>
    internal static void Viterbi(ReadOnlySpan<float> scores, int n, ReadOnlySpan<float> transitions, Span<int> tags)
    {
        int T = TagCount;
        var best = ArrayPool<float>.Shared.Rent(n * T);
        var back = ArrayPool<int>.Shared.Rent(n * T);
        try
        {
            for (int t = 0; t < T; t++)
            {
                best[t] = IsInside(t) ? float.NegativeInfinity : scores[t] + transitions[T * T + t];
                back[t] = -1;
            }
            for (int i = 1; i < n; i++)
            {
                for (int t = 0; t < T; t++)
                {
                    float top = float.NegativeInfinity;
                    int arg = 0;
                    for (int p = 0; p < T; p++)
                    {
                        if (IsInside(t) && !(p == t || p == t - 1)) continue;
                        float s = best[(i - 1) * T + p] + transitions[p * T + t];
                        if (s > top)
                        {
                            top = s;
                            arg = p;
                        }
                    }
                    best[i * T + t] = top + scores[i * T + t];
                    back[i * T + t] = arg;
                }
            }
            int last = 0;
            float lastScore = float.NegativeInfinity;
            for (int t = 0; t < T; t++)
            {
                if (best[(n - 1) * T + t] > lastScore)
                {
                    lastScore = best[(n - 1) * T + t];
                    last = t;
                }
            }
            for (int i = n - 1; i >= 0; i--)
            {
                tags[i] = last;
                last = back[i * T + last];
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(back);
        }
    }
}
