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

    /// <summary>Forms seen fewer times than this are not written: their rate says little.</summary>
    private const int MinOccurrences = 10;

    /// <summary>
    /// Trains on <paramref name="trainFolder"/> and writes the priors TSV to <paramref name="outputPath"/>
    /// (commit it as models/claims/cue-priors-en.tsv to ship it in the library).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder has no brat text/annotation pairs.</exception>
    public static AttributionTrainingSummary Train(string trainFolder, string outputPath, TextWriter? log = null)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int documents = 0, attributions = 0;
        foreach (var (textPath, annPath) in BratAttributions.FindPairs(trainFolder))
        {
            var doc = BratAttributions.Load(textPath, annPath);
            documents++;
            attributions += doc.Attributions.Length;
            var cueSpans = doc.Attributions.SelectMany(a => a.Cue).OrderBy(s => s.Start).ToArray();
            var tokens = Tokenizer.Tokenize(doc.Text);
            foreach (var token in tokens)
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

        // Cue classifier: examples are the cue candidates of every document, labelled by the gold cues.
        var priors = CuePrior.ReadAll(File.ReadAllLines(outputPath).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')));
        var lexicon = CueLexicon.WithPriors(priors);
        var perDocument = new List<List<(List<string>, bool)>>();
        foreach (var (textPath, annPath) in BratAttributions.FindPairs(trainFolder))
        {
            var doc = BratAttributions.Load(textPath, annPath);
            perDocument.Add(Examples(doc, lexicon));
        }
        int heldOut = Math.Max(1, perDocument.Count / 10);
        var trainPart = perDocument.Take(perDocument.Count - heldOut).SelectMany(x => x).ToList();
        var checkPart = perDocument.Skip(perDocument.Count - heldOut).SelectMany(x => x).ToList();
        var check = CueClassifier.Train(trainPart);
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
        var model = CueClassifier.Train(perDocument.SelectMany(x => x).ToList());
        var modelPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, CueClassifier.FileName);
        model.Write(modelPath);
        log?.WriteLine($"cue classifier: {model.FeatureCount} features -> {modelPath}");
        return new AttributionTrainingSummary(documents, attributions, written, outputPath);
    }

    private static List<(List<string>, bool)> Examples(AttributionDocument doc, CueLexicon lexicon)
    {
        var (sentences, tokens) = Tokenizer.Analyze(doc.Text);
        var view = new TokenView(doc.Text, tokens);
        var quotes = QuoteFinder.Find(doc.Text);
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
                if (head < 0 && AttributionExtractor.IsCandidate(view, t, lexicon)) head = t;
            }
            if (head >= 0) heads.Add(head);
        }
        foreach (var sentence in sentences)
        {
            bool quoted = quotes.Any(q => q.Overlaps(sentence.Span));
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                if (!AttributionExtractor.IsCandidate(view, t, lexicon)) continue;
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
