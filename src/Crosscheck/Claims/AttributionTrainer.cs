using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Crosscheck.Evaluation.Attribution;
using Crosscheck.Text;

namespace Crosscheck.Claims;

/// <summary>What a training run read and wrote.</summary>
public sealed record AttributionTrainingSummary(int Documents, int Attributions, int Forms, string OutputPath);

/// <summary>
/// Learns cue priors from a PolNeAR-style brat folder (text/*.txt + attributions/*.ann): for each
/// word form, how often it occurs and how often it is (the head of) an annotated cue. The stage
/// uses them to drop lexicon forms that are almost never cues in news ("show" as a noun) and to add
/// frequent cues missing from the lexicon ("believes", "insisted"). Deterministic for a given folder.
/// </summary>
public static class AttributionTrainer
{
    public const string PriorsFileName = "cue-priors-en.tsv";

    /// <summary>Perceptron runs averaged into the shipped cue model (the sweep below trains one run each, to stay quick).</summary>
    private const int CueModelShuffles = 5;

    /// <summary>Forms seen fewer times than this are not written: their rate says little.</summary>
    private const int MinOccurrences = 5;

    /// <summary>
    /// Trains on <paramref name="trainFolder"/> and writes the priors TSV to <paramref name="outputPath"/>
    /// (commit it as models/claims/cue-priors-en.tsv to ship it in the library).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder has no brat text/annotation pairs.</exception>
    public static AttributionTrainingSummary Train(string trainFolder, string outputPath, TextWriter? log = null)
    {
        var allDocuments = BratAttributions.FindPairs(trainFolder).Select(p => BratAttributions.Load(p.Item1, p.Item2)).ToList();
        var counts = CountForms(allDocuments);
        int documents = allDocuments.Count, attributions = allDocuments.Sum(d => d.Attributions.Length);
        if (documents == 0) throw new DirectoryNotFoundException($"No brat text/annotation pairs under '{trainFolder}'.");
        var sb = new StringBuilder();
        sb.Append("# form\toccurrences\tas_cue\tas_cue_head   (learned from ").Append(documents).Append(" PolNeAR train documents by AttributionTrainer)\n");
        int written = 0;
        foreach (var (form, c) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (c[0] < MinOccurrences || c[1] == 0) continue;
            sb.Append(form).Append('\t').Append(c[0].ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(c[1].ToString(CultureInfo.InvariantCulture)).Append('\t').Append(c[2].ToString(CultureInfo.InvariantCulture)).Append('\n');
            written++;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        File.WriteAllText(outputPath, sb.ToString());
        log?.WriteLine($"attribution priors: {documents} documents, {attributions} attributions, {written} forms -> {outputPath}");

        var priors = CuePrior.ReadAll(File.ReadAllLines(outputPath).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')));
        var lexicon = CueLexicon.WithPriors(priors);
        int heldOut = Math.Max(1, documents / 10);
        SweepFrequentCueHeads(allDocuments.Take(documents - heldOut).ToList(), allDocuments.Skip(documents - heldOut).ToList(), log);
        SweepDecisionThresholds(allDocuments, heldOut, log);

        // Cue classifier: examples are the cue candidates of every document, labelled by the gold cues.
        var perDocument = allDocuments.Select(doc => Examples(doc, lexicon)).ToList();
        var trainPart = perDocument.Take(perDocument.Count - heldOut).SelectMany(x => x).ToList();
        var checkPart = perDocument.Skip(perDocument.Count - heldOut).SelectMany(x => x).ToList();
        var check = CueClassifier.Train(trainPart, shuffles: CueModelShuffles);
        int tp = 0, fp = 0, fn = 0;
        foreach (var (features, isCue) in checkPart)
        {
            bool predicted = check.ScoreFeatures(features) > 0;
            if (predicted && isCue) tp++; else if (predicted) fp++; else if (isCue) fn++;
        }
        var heldOutPrf = new Evaluation.Prf(tp, fp, fn);
        log?.WriteLine($"cue classifier, last {heldOut} documents held out: P {heldOutPrf.Precision:F3} R {heldOutPrf.Recall:F3} F1 {heldOutPrf.F1:F3} over {checkPart.Count} candidates");
        foreach (double threshold in new[] { -3.0, -2.0, -1.0, -0.5, 0.5, 1.0 })
        {
            int tpT = 0, fpT = 0, fnT = 0;
            foreach (var (features, isCue) in checkPart)
            {
                bool predicted = check.ScoreFeatures(features) > threshold;
                if (predicted && isCue) tpT++; else if (predicted) fpT++; else if (isCue) fnT++;
            }
            var prf = new Evaluation.Prf(tpT, fpT, fnT);
            log?.WriteLine($"  at threshold {threshold}: P {prf.Precision:F3} R {prf.Recall:F3} F1 {prf.F1:F3}");
        }
        var model = CueClassifier.Train(perDocument.SelectMany(x => x).ToList(), shuffles: CueModelShuffles);
        var modelPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, CueClassifier.FileName);
        model.Write(modelPath);
        log?.WriteLine($"cue classifier: {model.FeatureCount} features -> {modelPath}");
        return new AttributionTrainingSummary(documents, attributions, written, outputPath);
    }

    /// <summary>Per lower-cased form: occurrences, times inside a cue, times heading a cue.</summary>
    private static Dictionary<string, int[]> CountForms(IEnumerable<AttributionDocument> docs)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            var cueSpans = doc.Attributions.SelectMany(a => a.Cue).OrderBy(s => s.Start).ToArray();
            foreach (var token in Tokenizer.Tokenize(doc.Text))
            {
                if (token.Kind != TokenKind.Word) continue;
                var form = token.Span.Of(doc.Text).ToLowerInvariant();
                if (!counts.TryGetValue(form, out var c)) counts[form] = c = new int[3];
                c[0]++;
                foreach (var cue in cueSpans)
                {
                    if (cue.Start > token.Span.Start) break;
                    if (!cue.Contains(token.Span)) continue;
                    c[1]++;
                    if (cue.Start == token.Span.Start) c[2]++;
                    break;
                }
            }
        }
        return counts;
    }

    /// <summary>
    /// Chooses which learned cue heads are asked without a reported complement: priors and model from
    /// <paramref name="trainPart"/> only, cue-head F1 on <paramref name="checkPart"/> against all its gold cues (a cue
    /// whose head is no candidate is a miss), for a grid of minimum head counts and shares. Only logged: the chosen
    /// pair is AttributionExtractor.FrequentCueHeadMinCount / MinShare. Dev is never looked at.
    /// </summary>
    private static void SweepFrequentCueHeads(List<AttributionDocument> trainPart, List<AttributionDocument> checkPart, TextWriter? log)
    {
        if (log is null) return;
        var partPriors = CountForms(trainPart).Where(p => p.Value[0] >= MinOccurrences && p.Value[1] > 0)
            .ToDictionary(p => p.Key, p => new CuePrior(p.Value[0], p.Value[1], p.Value[2]), StringComparer.OrdinalIgnoreCase);
        var partLexicon = CueLexicon.WithPriors(partPriors);
        int goldCues = checkPart.Sum(d => d.Attributions.SelectMany(a => a.Cue).Select(s => s.Start).Distinct().Count());
        var grid = new List<(int, double)> { (int.MaxValue, 1.0) };
        foreach (int minCount in new[] { 3, 5, 10, 20 })
            foreach (double minShare in new[] { 0.05, 0.1, 0.2, 0.35 })
                grid.Add((minCount, minShare));
        foreach (var (minCount, minShare) in grid)
        {
            var model = CueClassifier.Train(trainPart.SelectMany(d => Examples(d, partLexicon, minCount, minShare)).ToList());
            int tp = 0, fp = 0;
            foreach (var (features, isCue) in checkPart.SelectMany(d => Examples(d, partLexicon, minCount, minShare)))
            {
                if (model.ScoreFeatures(features) <= 0) continue;
                if (isCue) tp++; else fp++;
            }
            var prf = new Evaluation.Prf(tp, fp, Math.Max(0, goldCues - tp));
            string label = minCount == int.MaxValue ? "never (complement always needed)" : $"head >= {minCount}, share >= {minShare.ToString(CultureInfo.InvariantCulture)}";
            log.WriteLine($"  frequent cue heads asked without complement, {label}: P {prf.Precision:F3} R {prf.Recall:F3} F1 {prf.F1:F3} over {goldCues} held-out gold cues");
        }
    }

    /// <summary>Learned and veto thresholds tried by <see cref="SweepDecisionThresholds"/>.</summary>
    private static readonly double[] SweptThresholds = [-2.0, -1.0, 0.0, 1.0];

    private static readonly double[] SweptVetoThresholds = [-2.0, 0.0];

    /// <summary>Frequent-cue-head minimum counts and shares tried with them (see <see cref="SweepFrequentCueHeads"/>).</summary>
    private static readonly (int, double)[] SweptFrequentCueHeads = [(5, 0.1), (3, 0.05)];

    /// <summary>
    /// Chooses the cue model's two decision thresholds (<see cref="CueClassifier.Threshold"/> for words the lexicon does not
    /// know, <see cref="CueClassifier.VetoThreshold"/> for lexicon words) by the score that counts: attribution P / R / F1 of
    /// the whole claims stage. Each of the last <see cref="ThresholdFolds"/> blocks of <paramref name="heldOut"/> training
    /// documents is scored with priors and a model from the other documents, and the folds are summed. Only logged: the chosen
    /// pair is CueClassifier.DefaultThreshold / DefaultVetoThreshold. Dev is never looked at.
    /// </summary>
    private static void SweepDecisionThresholds(List<AttributionDocument> documents, int heldOut, TextWriter? log)
    {
        if (log is null) return;
        var context = new AnalysisContext(new DateOnly(2016, 1, 1));
        var textStage = new TextStage();
        var totals = new Dictionary<(int, double, double, double), Evaluation.Prf>();
        for (int fold = 0; fold < ThresholdFolds && (fold + 1) * heldOut < documents.Count; fold++)
        {
            int checkStart = documents.Count - (fold + 1) * heldOut;
            var checkPart = documents.Skip(checkStart).Take(heldOut).ToList();
            var trainPart = documents.Take(checkStart).Concat(documents.Skip(checkStart + heldOut)).ToList();
            var partPriors = Priors(CountForms(trainPart));
            var prepared = checkPart.Select(d => textStage.Process(new AnalyzedArticle(new Article { Id = d.Name, Text = d.Text, ContentHash = d.Name, Language = "en" }), context)).ToList();
            foreach (var (minCount, minShare) in SweptFrequentCueHeads)
            {
                var partLexicon = CueLexicon.WithPriors(partPriors);
                var model = CueClassifier.Train(trainPart.SelectMany(d => Examples(d, partLexicon, minCount, minShare)).ToList(), shuffles: CueModelShuffles);
                var weights = new Dictionary<string, double>(model.Weights, StringComparer.Ordinal);
                foreach (double learned in SweptThresholds)
                {
                    foreach (double veto in SweptVetoThresholds)
                    {
                        var lexicon = CueLexicon.WithPriors(partPriors, new CueClassifier(weights) { Threshold = learned, VetoThreshold = veto }, minCount, minShare);
                        var stage = new AttributionStage(lexicon);
                        var scored = checkPart.Select((d, i) => (d.Text, d.Attributions,
                            stage.Process(prepared[i], context).Get(Layers.Claims).Select(Evaluation.Attribution.AttributionScorer.ToGoldShape).ToImmutableArray()));
                        var key = (minCount, minShare, learned, veto);
                        totals[key] = totals.GetValueOrDefault(key) + Evaluation.Attribution.AttributionScorer.Score(scored).Attribution;
                    }
                }
            }
        }
        foreach (var ((minCount, minShare, learned, veto), prf) in totals.OrderByDescending(p => p.Value.F1))
            log.WriteLine($"  end to end on held-out train folds, heads >= {minCount} share >= {minShare.ToString(CultureInfo.InvariantCulture)}, learned threshold {learned.ToString(CultureInfo.InvariantCulture)}, veto threshold {veto.ToString(CultureInfo.InvariantCulture)}: attribution P {prf.Precision:F4} R {prf.Recall:F4} F1 {prf.F1:F4}");
    }

    /// <summary>Blocks of held-out training documents the threshold sweep scores (each against a model from the rest).</summary>
    private const int ThresholdFolds = 3;

    private static Dictionary<string, CuePrior> Priors(Dictionary<string, int[]> counts) =>
        counts.Where(p => p.Value[0] >= MinOccurrences && p.Value[1] > 0)
            .ToDictionary(p => p.Key, p => new CuePrior(p.Value[0], p.Value[1], p.Value[2]), StringComparer.OrdinalIgnoreCase);

    /// <summary>The cue model's training examples in <paramref name="doc"/>: every word the stage would ask about, labelled by the gold cue heads.</summary>
    private static List<(List<string>, bool)> Examples(AttributionDocument doc, CueLexicon lexicon) =>
        Examples(doc, lexicon, lexicon.FrequentCueHeadMinCount, lexicon.FrequentCueHeadMinShare);

    private static List<(List<string>, bool)> Examples(AttributionDocument doc, CueLexicon lexicon, int frequentHeadMinCount, double frequentHeadMinShare)
    {
        var (sentences, tokens) = Tokenizer.Analyze(doc.Text);
        var view = new TokenView(doc.Text, tokens);
        var quotes = QuoteFinder.Find(doc.Text);
        var quoteOfToken = AttributionExtractor.MapQuotes(tokens, quotes);
        var cueSpans = doc.Attributions.SelectMany(a => a.Cue).OrderBy(s => s.Start).ToArray();
        var examples = new List<(List<string>, bool)>();
        // Only the head of a gold cue (its first candidate word) is a positive; the other words of a multi-word
        // cue ("interview" in "in an interview", "back" in "pushed back") are left out: alone they report nothing.
        var heads = new HashSet<int>();
        var insideCues = new HashSet<int>();
        foreach (var cue in cueSpans)
        {
            int head = -1;
            for (int t = 0; t < tokens.Length; t++)
            {
                if (!cue.Contains(tokens[t].Span)) continue;
                insideCues.Add(t);
                if (head < 0 && AttributionExtractor.IsCandidate(view, t, lexicon, frequentHeadMinCount, frequentHeadMinShare)) head = t;
            }
            if (head >= 0) heads.Add(head);
        }
        foreach (var sentence in sentences)
        {
            bool quoted = quotes.Any(q => q.Overlaps(sentence.Span));
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                if (!AttributionExtractor.IsCandidate(view, t, lexicon, frequentHeadMinCount, frequentHeadMinShare)) continue;
                // The stage never asks about a word inside quoted speech: such words would only teach the model their quotes.
                if (AttributionExtractor.IsInsideQuote(t, quoteOfToken, quotes, tokens)) continue;
                bool isCue = heads.Contains(t);
                if (!isCue && insideCues.Contains(t)) continue;
                var features = new List<string>(20);
                CueClassifier.Features(view, t, sentence.FirstToken, lexicon, quoted, features);
                examples.Add((features, isCue));
            }
        }
        return examples;
    }
}
