using System.Globalization;
using System.IO.Compression;
using System.Text;
using Crosscheck.Text;

namespace Crosscheck.Claims;

/// <summary>
/// An averaged-perceptron decision "is this candidate word a reporting cue here?" over a small
/// window of words, punctuation and quote context, and the learned cue prior. Trained on PolNeAR by
/// <see cref="AttributionTrainer"/>; stored as "feature TAB weight" lines, gzipped.
/// Scoring allocates nothing per token: features are built into one reusable buffer.
/// </summary>
public sealed class CueClassifier
{
    public const string FileName = "cue-perceptron-en.tsv.gz";

    /// <summary>Averaged weights smaller than this are dropped: they change almost no decision and would bloat the model.</summary>
    private const double MinWeight = 0.05;

    /// <summary>Features seen in fewer training candidates than this are dropped (rare word pairs).</summary>
    private const int MinSeen = 3;

    /// <summary>Feature names, kept only for training and writing: the stage scores by hash alone.</summary>
    private readonly Dictionary<string, double>? _weights;
    private readonly Dictionary<ulong, double> _hashed;

    /// <param name="weights">Weight per feature name.</param>
    /// <param name="keepNames">Keep the names (to write the model or score named features); without them only the hashes stay in memory.</param>
    public CueClassifier(Dictionary<string, double> weights, bool keepNames = true)
    {
        _weights = keepNames ? weights : null;
        _hashed = new Dictionary<ulong, double>(weights.Count);
        foreach (var (feature, weight) in weights) _hashed[Hash(feature)] = _hashed.GetValueOrDefault(Hash(feature)) + weight;
    }

    public int FeatureCount => _weights?.Count ?? _hashed.Count;

    /// <summary>The weights by feature name (read-only view); only when the names were kept.</summary>
    public IReadOnlyDictionary<string, double> Weights => _weights ?? throw new InvalidOperationException("This cue classifier was loaded without feature names (CueClassifier.Read with keepNames: false).");

    /// <summary>
    /// The plain perceptron decision. On the last tenth of PolNeAR train held out from a model trained on the rest,
    /// with every content word a candidate, cue F1 over candidates is 0.719 at -3, 0.724 at -2, 0.731 at -1, 0.724
    /// at 0, 0.718 at 0.5 (`crosscheck train attribution` prints the sweep): -1 buys too little recall for the
    /// precision it costs, and a claim that is not one misleads a reader more than a claim left out. The trainer's end-to-end
    /// sweep (attribution F1 of the whole claims stage on three held-out train folds) gains 0.004 at -2 for both thresholds,
    /// but PolNeAR dev loses 0.002 and falls under 0.84 precision there, so 0 stays.
    /// </summary>
    public const double DefaultThreshold = 0.0;

    /// <summary>A candidate the lexicon does not know is a cue when its score exceeds this.</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>The score at or below which the model turns down a lexicon word it may veto.</summary>
    public const double DefaultVetoThreshold = 0.0;

    /// <summary>A lexicon word the model may veto stays a cue when its score exceeds this.</summary>
    public double VetoThreshold { get; init; } = DefaultVetoThreshold;

    private static readonly Lazy<CueClassifier?> EnglishLazy = new(() =>
    {
        using var stream = ClaimResources.OpenRaw(FileName);
        return stream is null ? null : Read(stream, keepNames: false);
    });

    /// <summary>The embedded English model, or null when the library was built without one.</summary>
    public static CueClassifier? English => EnglishLazy.Value;

    /// <param name="alone">Judge the word as if no verb of speech stood near it (see <see cref="NearbySpeechSide"/>).</param>
    internal double Score(TokenView v, int t, int sentenceFirst, CueLexicon lexicon, bool quoteInSentence, bool alone = false)
    {
        var sink = new HashSink(stackalloc ulong[MaxFeatures]);
        Emit(v, t, sentenceFirst, lexicon, quoteInSentence, alone, ref sink);
        double score = 0;
        foreach (var h in sink.Hashes) if (_hashed.TryGetValue(h, out var w)) score += w;
        return score;
    }

    internal double ScoreFeatures(List<string> features)
    {
        double score = 0;
        foreach (var feature in features)
        {
            if (_hashed.TryGetValue(Hash(feature), out var w)) score += w;
        }
        return score;
    }

    /// <summary>The feature strings of candidate <paramref name="t"/>, for training (the stage hashes the same characters instead).</summary>
    internal static void Features(TokenView v, int t, int sentenceFirst, CueLexicon lexicon, bool quoteInSentence, List<string> into)
    {
        var sink = new StringSink(into);
        Emit(v, t, sentenceFirst, lexicon, quoteInSentence, alone: false, ref sink);
    }

    private const int MaxFeatures = 40;

    private interface IFeatureSink
    {
        void Begin(string prefix);

        void Lower(ReadOnlySpan<char> part);

        void End();
    }

    private struct StringSink(List<string> into) : IFeatureSink
    {
        private readonly StringBuilder _builder = new();

        public void Begin(string prefix) => _builder.Clear().Append(prefix);

        public void Lower(ReadOnlySpan<char> part)
        {
            foreach (char c in part) _builder.Append(char.ToLowerInvariant(c));
        }

        public void End() => into.Add(_builder.ToString());
    }

    /// <summary>FNV-1a over the same characters <see cref="StringSink"/> would concatenate: no strings at run time.</summary>
    private ref struct HashSink(Span<ulong> buffer) : IFeatureSink
    {
        private readonly Span<ulong> _buffer = buffer;
        private ulong _hash;
        private int _count;

        public readonly ReadOnlySpan<ulong> Hashes => _buffer[.._count];

        public void Begin(string prefix)
        {
            _hash = FnvOffset;
            foreach (char c in prefix) _hash = (_hash ^ c) * FnvPrime;
        }

        public void Lower(ReadOnlySpan<char> part)
        {
            foreach (char c in part) _hash = (_hash ^ char.ToLowerInvariant(c)) * FnvPrime;
        }

        public void End()
        {
            if (_count < _buffer.Length) _buffer[_count++] = _hash;
        }
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private static ulong Hash(string feature)
    {
        ulong h = FnvOffset;
        foreach (char c in feature) h = (h ^ c) * FnvPrime;
        return h;
    }

    private static void One<TSink>(ref TSink sink, string prefix, ReadOnlySpan<char> value) where TSink : IFeatureSink, allows ref struct
    {
        sink.Begin(prefix);
        sink.Lower(value);
        sink.End();
    }

    private static void Two<TSink>(ref TSink sink, string prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b) where TSink : IFeatureSink, allows ref struct
    {
        sink.Begin(prefix);
        sink.Lower(a);
        sink.Lower("|");
        sink.Lower(b);
        sink.End();
    }

    private static void Emit<TSink>(TokenView v, int t, int sentenceFirst, CueLexicon lexicon, bool quoteInSentence, bool alone, ref TSink sink) where TSink : IFeatureSink, allows ref struct
    {
        var w = v.Word(t);
        var p1 = Word(v, t - 1, t);
        var n1 = Word(v, t + 1, t);
        One(ref sink, "b", "");
        One(ref sink, "w=", w);
        One(ref sink, "p1=", p1);
        One(ref sink, "n1=", n1);
        One(ref sink, "p2=", Word(v, t - 2, t));
        One(ref sink, "n2=", Word(v, t + 2, t));
        Two(ref sink, "p1w=", p1, w);
        Two(ref sink, "wn1=", w, n1);
        One(ref sink, "cap=", char.IsUpper(v.First(t)) ? "y" : "n");
        One(ref sink, "suf=", w.Length > 3 ? w[^2..] : w);
        One(ref sink, "q=", quoteInSentence ? "y" : "n");
        int quoteDistance = -1;
        for (int d = 1; d <= 3 && quoteDistance < 0; d++)
        {
            if (t - d >= 0 && v.Tokens[t - d].Sentence == v.Tokens[t].Sentence && v.IsQuoteMark(t - d)) quoteDistance = d;
            else if (t + d < v.Count && v.Tokens[t + d].Sentence == v.Tokens[t].Sentence && v.IsQuoteMark(t + d)) quoteDistance = d;
        }
        One(ref sink, "qd=", quoteDistance switch { 1 => "1", 2 => "2", 3 => "3", _ => "far" });
        // How often the form heads a cue: words that only sit inside one ("interview" in "in an interview") are not cues alone.
        double rate = lexicon.PriorLookup.TryGetValue(w, out var prior) ? (prior.AsCueHead + 0.5) / (prior.Occurrences + 1.0) : -1;
        var bucket = rate < 0 ? "none" : Bucket(rate);
        One(ref sink, "pr=", bucket);
        Two(ref sink, "prn1=", bucket, n1);
        Two(ref sink, "prp1=", bucket, p1);
        One(ref sink, "lex=", lexicon.CueLookup.TryGetValue(w, out var entries) ? ClassName(entries[0].Class) : "no");

        // The word's stem and shape, so forms never seen as cues ("reckons") share the weight of their kin.
        var stem = Stem(w);
        One(ref sink, "st=", stem);
        One(ref sink, "suf3=", w.Length > 4 ? w[^3..] : w);
        // Who stands left of the word (past auxiliaries and adverbs): a person, a pronoun, a bare noun, nothing.
        int j = t - 1;
        bool auxiliary = false, be = false;
        while (j >= 0 && v.Tokens[j].Sentence == v.Tokens[t].Sentence && v.IsWord(j)
            && (v.In(j, AuxLookup) || v.IsLowerWord(j) && v.EndsWith(j, "ly") && v.Word(j).Length > 4) && t - j <= 3)
        {
            auxiliary = true;
            be |= v.In(j, BeLookup);
            j--;
        }
        var subject = j < 0 || v.Tokens[j].Sentence != v.Tokens[t].Sentence ? "start"
            : v.In(j, PronounLookup) ? "pron"
            : v.IsCapitalized(j) ? (IsSentenceFirst(v, j, sentenceFirst) && Entities.Truecaser.Default.IsUsuallyLowercase(v.Word(j)) ? "capword" : "name")
            : v.In(j, DeterminerLookup) ? "det"
            : v.EndsWith(j, "'s") || v.EndsWith(j, "’s") ? "poss"
            : v.IsQuoteMark(j) ? "quote"
            : v.IsPunct(j, ',') ? "comma"
            : v.IsLowerWord(j) ? "word" : "other";
        One(ref sink, "sub=", subject);
        One(ref sink, "aux=", be ? "be" : auxiliary ? "aux" : "no");
        Two(ref sink, "stsub=", stem, subject);
        // What follows: a that-clause, an infinitive, a quote, a colon or a preposition.
        var next = "word";
        for (int d = 1; d <= 4; d++)
        {
            int k = t + d;
            if (k >= v.Count || v.Tokens[k].Sentence != v.Tokens[t].Sentence) { next = d == 1 ? "end" : next; break; }
            if (v.Is(k, "that")) { next = "that" + Math.Min(d, 3); break; }
            if (v.IsQuoteMark(k)) { next = "quote" + Math.Min(d, 3); break; }
            if (d == 1 && v.Is(k, "to")) { next = "to"; break; }
            if (d == 1 && v.IsPunct(k, ':')) { next = "colon"; break; }
            if (d == 1 && v.IsPunct(k, ',')) { next = "comma"; break; }
            if (d == 1 && (v.Is(k, "whether") || v.Is(k, "if") || v.Is(k, "how") || v.Is(k, "why") || v.Is(k, "what"))) { next = "wh"; break; }
            if (v.Tokens[k].Kind == TokenKind.Punctuation) break;
        }
        One(ref sink, "nx=", next);
        Two(ref sink, "stnx=", stem, next);
        Two(ref sink, "subnx=", subject, next);
        int position = t - sentenceFirst;
        One(ref sink, "pos=", position switch { 0 => "0", <= 2 => "1", <= 5 => "2", <= 10 => "3", _ => "4" });
        // PolNeAR marks no cue inside another's content, so a stance word near "said" is mostly part of what was said.
        var speech = alone ? "no" : NearbySpeechSide(v, t, lexicon);
        One(ref sink, "sp=", speech);
        Two(ref sink, "stsp=", stem, speech);
    }

    /// <summary>How far left and right in the sentence <see cref="NearbySpeechSide"/> looks for a verb of speech.</summary>
    private const int SpeechWindow = 20;

    /// <summary>A lexicon word that was a cue in at least this share of its training occurrences is a verb of speech ("said", "told").</summary>
    private const double SpeechVerbMinRate = 0.5;

    /// <summary>Where a verb of speech stands within <see cref="SpeechWindow"/> tokens of <paramref name="t"/> in its sentence: "l", "r", "lr" or "no".</summary>
    private static string NearbySpeechSide(TokenView v, int t, CueLexicon lexicon)
    {
        int sentence = v.Tokens[t].Sentence;
        bool left = false, right = false;
        for (int k = t - 1; k >= 0 && t - k <= SpeechWindow && v.Tokens[k].Sentence == sentence && !left; k--) left = IsSpeechVerb(v, k, lexicon);
        for (int k = t + 1; k < v.Count && k - t <= SpeechWindow && v.Tokens[k].Sentence == sentence && !right; k++) right = IsSpeechVerb(v, k, lexicon);
        return left ? (right ? "lr" : "l") : right ? "r" : "no";
    }

    private static bool IsSpeechVerb(TokenView v, int k, CueLexicon lexicon)
    {
        if (!v.IsLowerWord(k)) return false;
        var word = v.Word(k);
        return lexicon.CueLookup.ContainsKey(word) && lexicon.PriorLookup.TryGetValue(word, out var prior)
            && prior.Occurrences > 0 && prior.AsCue >= SpeechVerbMinRate * prior.Occurrences;
    }

    /// <summary>A capital that only opens the sentence ("Protesters blocked ..."), not one that names someone.</summary>
    private static bool IsSentenceFirst(TokenView v, int j, int sentenceFirst) =>
        j == sentenceFirst || j > sentenceFirst && j == sentenceFirst + 1 && v.IsQuoteMark(sentenceFirst);

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AuxLookup = WordClasses.L(WordClasses.Auxiliaries);
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeLookup = WordClasses.L(WordClasses.BeForms);
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounLookup = WordClasses.L(WordClasses.SubjectPronouns);
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerLookup = WordClasses.L(WordClasses.Determiners);

    /// <summary>A crude stem: "believes", "believed", "believing" -> "believ"; enough to pool the forms of one verb.</summary>
    internal static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return word[..^3];
        if (word.Length > 4 && word.EndsWith("ied", StringComparison.OrdinalIgnoreCase)) return word[..^3];
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.OrdinalIgnoreCase)) return word[..^3];
        if (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return word[..^2];
        if (word.Length > 4 && word.EndsWith("es", StringComparison.OrdinalIgnoreCase)) return word[..^2];
        if (word.Length > 3 && word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ss", StringComparison.OrdinalIgnoreCase)) return word[..^1];
        if (word.Length > 4 && word.EndsWith("e", StringComparison.OrdinalIgnoreCase)) return word[..^1];
        return word;
    }

    private static string ClassName(CueClass c) => c switch
    {
        CueClass.Verb => "verb",
        CueClass.Tell => "tell",
        CueClass.Noun => "noun",
        CueClass.VerbThat or CueClass.VerbClause or CueClass.VerbFinding => "verb",
        _ => "prep",
    };


    /// <summary>
    /// Trains an averaged perceptron on (features, is-cue) examples, <paramref name="shuffles"/> times over differently
    /// shuffled orders, and averages the runs: one run's weights depend on its order enough to move dev F1 by about
    /// 0.004 between seeds, more than most feature changes. Deterministic for a given example list.
    /// </summary>
    public static CueClassifier Train(IReadOnlyList<(List<string> Features, bool IsCue)> examples, int epochs = 6, int shuffles = 1)
    {
        var summed = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int run = 0; run < shuffles; run++)
            foreach (var (f, w) in TrainOnce(examples, epochs, 17 + run)) summed[f] = summed.GetValueOrDefault(f) + w / shuffles;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (features, _) in examples) foreach (var f in features) seen[f] = seen.GetValueOrDefault(f) + 1;
        var averaged = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (f, w) in summed)
        {
            if (seen[f] < MinSeen) continue;
            if (Math.Abs(w) >= MinWeight) averaged[f] = Math.Round(w, 3);
        }
        return new CueClassifier(averaged);
    }

    private static Dictionary<string, double> TrainOnce(IReadOnlyList<(List<string> Features, bool IsCue)> examples, int epochs, int seed)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var stamps = new Dictionary<string, int>(StringComparer.Ordinal);
        int step = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int i in order)
            {
                step++;
                var (features, isCue) = examples[i];
                double score = 0;
                foreach (var f in features) if (weights.TryGetValue(f, out var w)) score += w;
                bool predicted = score > 0;
                if (predicted == isCue) continue;
                double delta = isCue ? 1 : -1;
                foreach (var f in features)
                {
                    double current = weights.GetValueOrDefault(f);
                    totals[f] = totals.GetValueOrDefault(f) + (step - stamps.GetValueOrDefault(f)) * current;
                    stamps[f] = step;
                    weights[f] = current + delta;
                }
            }
        }
        var averaged = new Dictionary<string, double>(weights.Count, StringComparer.Ordinal);
        foreach (var (f, w) in weights) averaged[f] = (totals.GetValueOrDefault(f) + (step - stamps.GetValueOrDefault(f)) * w) / step;
        return averaged;
    }

    private static string Bucket(double rate) => rate switch
    {
        < 0.02 => "0",
        < 0.1 => "1",
        < 0.25 => "2",
        < 0.5 => "3",
        < 0.75 => "4",
        _ => "5",
    };

    private static ReadOnlySpan<char> Word(TokenView v, int k, int anchor)
    {
        if (k < 0) return "<s>";
        if (k >= v.Count) return "</s>";
        if (v.Tokens[k].Sentence != v.Tokens[anchor].Sentence) return k < anchor ? "<s>" : "</s>";
        return v.Tokens[k].Kind == TokenKind.Number ? "0" : v.Word(k);
    }

    public static CueClassifier Read(Stream gz, bool keepNames = true)
    {
        using var unzip = new GZipStream(gz, CompressionMode.Decompress);
        using var reader = new StreamReader(unzip, Encoding.UTF8);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            int tab = line.LastIndexOf('\t');
            if (tab <= 0 || line[0] == '#') continue;
            weights[line[..tab]] = double.Parse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        return new CueClassifier(weights, keepNames);
    }

    public void Write(string path)
    {
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(zip, new UTF8Encoding(false));
        writer.Write("# averaged perceptron cue classifier: feature\tweight (AttributionTrainer)\n");
        foreach (var (feature, weight) in Weights.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(feature);
            writer.Write('\t');
            writer.Write(weight.ToString("0.####", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
