using System.Collections.Immutable;

namespace Crosscheck.Entities;

/// <summary>Inputs of <see cref="NerTrainer.Train"/>.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>CoNLL files (token first column, tag last column; IOB1/IOB2; GMB, CoNLL, re3d or DocRED tag names).</summary>
    public required IReadOnlyList<string> TrainingFiles { get; init; }

    /// <summary>Where the gzip'd model goes; the library embeds models/ner/ner-model.bin.gz on the next build.</summary>
    public string OutputPath { get; init; } = Path.Combine("models", "ner", NerModel.ResourceFileName);

    public int Epochs { get; init; } = 8;

    /// <summary>Seeds the per-epoch sentence shuffle; the same seed and files give the same model bytes.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>
    /// Independent training runs, each with its own shuffle seed (Seed, Seed+1, ...), whose averaged
    /// weights are averaged again: the ensemble is less at the mercy of one sentence order.
    /// </summary>
    public int Runs { get; init; } = 3;

    /// <summary>log2 of the hashed feature table size (each bucket holds one weight per tag).</summary>
    public int BucketBits { get; init; } = 19;

    /// <summary>
    /// Every Nth unit (a document when the file has <c>-DOCSTART-</c> lines, else a block of
    /// <see cref="HoldOutBlockSentences"/> sentences) is held out of training; 0 trains on everything.
    /// </summary>
    public int HoldOutEvery { get; init; } = 10;

    public int HoldOutBlockSentences { get; init; } = 50;

    /// <summary>When set, the held-out part of each file is written there as CoNLL ("name.heldout.conll") for scoring.</summary>
    public string? HeldOutDirectory { get; init; }

    public Action<string>? Log { get; init; }
}

/// <summary>What a training run did.</summary>
/// <param name="EpochTokenAccuracy">Every run's epochs in order (<see cref="NerTrainingOptions.Runs"/> times <see cref="NerTrainingOptions.Epochs"/>).</param>
public sealed record NerTrainingReport(
    string ModelPath, int TrainingSentences, int TrainingTokens, int HeldOutSentences,
    ImmutableArray<string> HeldOutFiles, ImmutableArray<double> EpochTokenAccuracy);

/// <summary>
/// Trains the <see cref="NerModel"/>: a structured averaged perceptron (Collins 2002) with Viterbi
/// decoding, over the hashed features of <see cref="NerFeatures"/>; the shipped model averages
/// <see cref="NerTrainingOptions.Runs"/> such perceptrons trained on differently shuffled sentences.
/// </summary>
/// <remarks>
/// Data conventions are unified before training: GMB person spans lose their leading titles
/// ("President Bush" -> "Bush") so the model learns CoNLL-style names; nationality adjectives tagged
/// LOC (DocRED) or MISC become Group like GMB's gpe, and GMB's gpe on a country's or city's name is a
/// place (<see cref="EntityTypeMapping.FromDatasetChunk"/>); times and numbers are O.
/// </remarks>
public static class NerTrainer
{
    public static NerTrainingReport Train(NerTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TrainingFiles.Count == 0) throw new ArgumentException("No training files given.", nameof(options));
        var log = options.Log ?? (_ => { });
        int mask = (1 << options.BucketBits) - 1;
        int T = NerModel.TagCount;

        var featureSets = new List<int[]>();
        var goldSets = new List<int[]>();
        var heldOutFiles = ImmutableArray.CreateBuilder<string>();
        int heldOutSentences = 0, tokenCount = 0;
        foreach (var file in options.TrainingFiles)
        {
            var documents = ConllReader.ReadFile(file);
            var units = Units(documents, options.HoldOutBlockSentences);
            var heldOut = new List<ConllDocument>();
            for (int u = 0; u < units.Count; u++)
            {
                bool hold = options.HoldOutEvery > 0 && u % options.HoldOutEvery == options.HoldOutEvery - 1;
                if (hold)
                {
                    heldOut.Add(units[u]);
                    heldOutSentences += units[u].Sentences.Length;
                    continue;
                }
                foreach (var sentence in units[u].Sentences)
                {
                    if (sentence.Tokens.Length == 0 || sentence.Tokens.Length > 400) continue;
                    var (text, spans) = Join(sentence.Tokens);
                    var features = new int[spans.Length * NerFeatures.PerToken];
                    NerFeatures.Extract(text, spans, mask, features);
                    featureSets.Add(features);
                    goldSets.Add(GoldTags(sentence));
                    tokenCount += spans.Length;
                }
            }
            if (options.HeldOutDirectory is { } dir && heldOut.Count > 0)
            {
                Directory.CreateDirectory(dir);
                var name = Path.Combine(dir, Path.GetFileNameWithoutExtension(file).Replace(".conll", "", StringComparison.Ordinal) + ".heldout.conll");
                WriteConll(name, heldOut);
                heldOutFiles.Add(name);
            }
            log($"{file}: {units.Count} units, {heldOut.Count} held out");
        }

        var weights = new float[(1 << options.BucketBits) * T];
        var transitions = new float[(T + 1) * T];
        var accuracies = ImmutableArray.CreateBuilder<double>();
        int runs = Math.Max(1, options.Runs);
        for (int run = 0; run < runs; run++)
        {
            var (runWeights, runTransitions) = TrainRun(featureSets, goldSets, options, options.Seed + run, accuracies, log);
            for (int w = 0; w < weights.Length; w++) weights[w] += runWeights[w] / runs;
            for (int t = 0; t < transitions.Length; t++) transitions[t] += runTransitions[t] / runs;
        }
        var model = NerModel.FromTrained(options.BucketBits, weights, transitions);
        var outputDir = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath));
        if (outputDir is not null) Directory.CreateDirectory(outputDir);
        using (var output = File.Create(options.OutputPath))
        {
            model.Save(output);
        }
        return new NerTrainingReport(options.OutputPath, featureSets.Count, tokenCount, heldOutSentences, heldOutFiles.ToImmutable(), accuracies.ToImmutable());
    }

    /// <summary>One averaged-perceptron run over the training sentences in the order <paramref name="seed"/> shuffles them.</summary>
    private static (float[] Weights, float[] Transitions) TrainRun(
        List<int[]> featureSets, List<int[]> goldSets, NerTrainingOptions options, int seed,
        ImmutableArray<double>.Builder accuracies, Action<string> log)
    {
        int T = NerModel.TagCount;
        var weights = new float[(1 << options.BucketBits) * T];
        var transitions = new float[(T + 1) * T];
        var weightAverager = new Averager(weights.Length);
        var transitionAverager = new Averager(transitions.Length);
        var order = Enumerable.Range(0, featureSets.Count).ToArray();
        var random = new Random(seed);
        var scores = new float[512 * T];
        var predicted = new int[512];
        int step = 0;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, seen = 0;
            foreach (int s in order)
            {
                step++;
                var features = featureSets[s];
                var gold = goldSets[s];
                int n = gold.Length;
                NerModel.Score(weights, features, n, scores);
                NerModel.Viterbi(scores, n, transitions, predicted);
                for (int i = 0; i < n; i++)
                {
                    seen++;
                    int g = gold[i], p = predicted[i];
                    int gPrev = i == 0 ? T : gold[i - 1], pPrev = i == 0 ? T : predicted[i - 1];
                    if (g == p && gPrev == pPrev)
                    {
                        correct++;
                        continue;
                    }
                    if (g == p) correct++;
                    else
                    {
                        foreach (int bucket in features.AsSpan(i * NerFeatures.PerToken, NerFeatures.PerToken))
                        {
                            weightAverager.Add(weights, bucket * T + g, 1f, step);
                            weightAverager.Add(weights, bucket * T + p, -1f, step);
                        }
                    }
                    transitionAverager.Add(transitions, gPrev * T + g, 1f, step);
                    transitionAverager.Add(transitions, pPrev * T + p, -1f, step);
                }
            }
            accuracies.Add((double)correct / Math.Max(1, seen));
            log($"epoch {epoch + 1}: training token accuracy {(double)correct / Math.Max(1, seen):P2}");
        }

        weightAverager.Finish(weights, step);
        transitionAverager.Finish(transitions, step);
        return (weights, transitions);
    }

    /// <summary>
    /// The CoNLL files the shipped model is trained on, under a shared datasets folder (the one
    /// holding ner-en/): GMB, WikiGold and Re-DocRED dev and test. Files that are missing are left out.
    /// </summary>
    public static IReadOnlyList<string> DefaultTrainingFiles(string datasetsRoot)
    {
        string[] relative =
        [
            "ner-en/gmb/gmb_ner_dataset.conll",
            "ner-en/wikigold/CONLL-format/data/wikigold.conll.txt",
            "ner-en/redocred/dev_revised.bio.conll",
            "ner-en/redocred/test_revised.bio.conll",
        ];
        return [.. relative.Select(r => Path.Combine(datasetsRoot, r)).Where(File.Exists)];
    }

    /// <summary>The units of held-out splitting: documents when the file marks them, else fixed blocks of sentences.</summary>
    internal static List<ConllDocument> Units(IReadOnlyList<ConllDocument> documents, int blockSentences)
    {
        if (documents.Count > 1) return [.. documents];
        var units = new List<ConllDocument>();
        foreach (var document in documents)
        {
            for (int start = 0; start < document.Sentences.Length; start += blockSentences)
            {
                int count = Math.Min(blockSentences, document.Sentences.Length - start);
                units.Add(new ConllDocument(document.Sentences.Slice(start, count)));
            }
        }
        return units;
    }

    /// <summary>Sentence tokens joined by single spaces, with their spans: the input the features read.</summary>
    internal static (string Text, Span[] Spans) Join(IReadOnlyList<string> tokens)
    {
        var spans = new Span[tokens.Count];
        int length = 0;
        for (int i = 0; i < tokens.Count; i++) length += tokens[i].Length + 1;
        var builder = new System.Text.StringBuilder(length);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > 0) builder.Append(' ');
            spans[i] = new Span(builder.Length, builder.Length + tokens[i].Length);
            builder.Append(tokens[i]);
        }
        return (builder.ToString(), spans);
    }

    /// <summary>The dataset's chunks as our tag ids, after the convention fixes described on the class.</summary>
    internal static int[] GoldTags(ConllSentence sentence)
    {
        var tags = new int[sentence.Tokens.Length];
        foreach (var (start, end, type) in ConventionChunks(sentence, out _))
        {
            int typeIndex = IndexOfType(type == EntityType.MilitaryUnit ? EntityType.Organization : type);
            tags[start] = NerModel.BeginTag(typeIndex);
            for (int i = start + 1; i < end; i++) tags[i] = NerModel.BeginTag(typeIndex) + 1;
        }
        return tags;
    }

    /// <summary>
    /// The dataset's chunks [Start, End) in the convention the model learns, which `eval entities`
    /// scores too: types by <see cref="EntityTypeMapping.FromDatasetChunk"/>, persons without their
    /// leading titles (<paramref name="titlesStripped"/> counts the person chunks that had some), and a
    /// compass word before a nationality joined to it.
    /// </summary>
    internal static List<(int Start, int End, EntityType Type)> ConventionChunks(ConllSentence sentence, out int titlesStripped)
    {
        var spans = new List<(int Start, int End, EntityType Type)>();
        titlesStripped = 0;
        foreach (var chunk in ConllReader.Chunks(sentence.Tags))
        {
            if (EntityTypeMapping.FromDatasetChunk(chunk.Type, sentence.Tokens, chunk.Start, chunk.End) is not { } type) continue;
            int start = chunk.Start, end = chunk.End;
            if (type == EntityType.Person)
            {
                start = EntityRules.SkipLeadingTitles(sentence.Tokens, start, end);
                if (start != chunk.Start) titlesStripped++;
                if (start >= end) continue;
            }
            // GMB splits "North Korean" into North (geo or O) + Korean (gpe): the compass word belongs to the nationality.
            if (type == EntityType.Group && start > 0 && EntityRules.IsCompassWord(sentence.Tokens[start - 1]))
            {
                if (spans.Count > 0 && spans[^1].End == start) spans.RemoveAt(spans.Count - 1);
                start--;
            }
            spans.Add((start, end, type));
        }
        return spans;
    }

    private static int IndexOfType(EntityType type)
    {
        for (int i = 0; i < NerModel.Types.Count; i++)
        {
            if (NerModel.Types[i] == type) return i;
        }
        return NerModel.Types.Count - 1;
    }

    private static void WriteConll(string path, List<ConllDocument> documents)
    {
        using var writer = new StreamWriter(path);
        foreach (var document in documents)
        {
            writer.WriteLine("-DOCSTART- O");
            writer.WriteLine();
            foreach (var sentence in document.Sentences)
            {
                for (int i = 0; i < sentence.Tokens.Length; i++)
                {
                    writer.Write(sentence.Tokens[i]);
                    writer.Write(' ');
                    writer.WriteLine(sentence.Tags[i]);
                }
                writer.WriteLine();
            }
        }
    }

    /// <summary>Lazy weight averaging: each weight's running sum is brought up to date only when it changes.</summary>
    private sealed class Averager(int size)
    {
        private readonly double[] _sums = new double[size];
        private readonly int[] _stamps = new int[size];

        public void Add(float[] weights, int index, float delta, int step)
        {
            _sums[index] += (double)(step - _stamps[index]) * weights[index];
            _stamps[index] = step;
            weights[index] += delta;
        }

        public void Finish(float[] weights, int step)
        {
            for (int i = 0; i < weights.Length; i++)
            {
                double total = _sums[i] + (double)(step - _stamps[i]) * weights[i];
                weights[i] = (float)(total / Math.Max(1, step));
            }
        }
    }
}
