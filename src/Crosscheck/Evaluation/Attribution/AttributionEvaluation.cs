using System.Collections.Immutable;
using System.Diagnostics;

namespace Crosscheck.Evaluation.Attribution;

/// <summary>
/// Task "attribution": runs each text of a PolNeAR-style brat folder through the default pipeline
/// and scores the claims layer against the annotations (see <see cref="AttributionScorer"/> for
/// the match definitions). Reports span P/R/F1 per role (exact and overlap), attribution-level
/// P/R/F1 (cue and content overlap), the unmatched gold attributions by category (<c>missed.*</c>, see
/// <see cref="AttributionMisses"/>), and throughput; <c>--errors</c> lists each miss and each spurious prediction
/// (<see cref="AttributionMisses.Rows"/>).
/// </summary>
public sealed class AttributionEvaluation : IEvaluation
{
    private readonly Func<Pipeline> _pipelineFactory;

    public AttributionEvaluation() : this(() => DefaultPipeline.CreateBuilder().Build()) { }

    /// <param name="pipelineFactory">Builds the pipeline to evaluate; it must produce the claims layer.</param>
    public AttributionEvaluation(Func<Pipeline> pipelineFactory) => _pipelineFactory = pipelineFactory;

    public string Task => "attribution";

    public string Description =>
        "PolNeAR brat folder (text/*.txt + attributions/*.ann, Source/Cue/Content spans tied by E rows): span P/R/F1 per role, exact and overlap, and attribution F1 (cue and content overlap)";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var pipeline = _pipelineFactory();
        var context = new AnalysisContext(new DateOnly(2016, 1, 1));
        var warnings = ImmutableArray.CreateBuilder<string>();
        var docs = new List<(string, ImmutableArray<GoldAttribution>, ImmutableArray<GoldAttribution>)>();
        var names = new List<string>();
        var watch = new Stopwatch();
        long characters = 0;
        foreach (var (textPath, annPath) in BratAttributions.FindPairs(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = BratAttributions.Load(textPath, annPath);
            var article = new Article { Id = doc.Name, Text = doc.Text, ContentHash = doc.Name, Language = "en" };
            watch.Start();
            var outcome = pipeline.Analyze(article, context);
            watch.Stop();
            foreach (var failure in outcome.Failures) warnings.Add($"{doc.Name}: stage {failure.Stage}: {failure.Message}");
            if (!outcome.Article.TryGet(Layers.Claims, out var claims))
            {
                warnings.Add($"{doc.Name}: no claims layer (is the claims stage in the default pipeline?)");
                claims = [];
            }
            characters += doc.Text.Length;
            names.Add(doc.Name);
            docs.Add((doc.Text, doc.Attributions, [.. claims.Select(AttributionScorer.ToGoldShape)]));
        }
        if (docs.Count == 0) warnings.Add($"no text/annotation pairs found under '{path}'");
        var scores = AttributionScorer.Score(docs);
        var metrics = scores.ToMetrics().ToList();
        // Where recall is lost: each unmatched gold attribution in one category (see AttributionMisses).
        var misses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, gold, predicted) in docs) AttributionMisses.Count(text, gold, predicted, misses);
        int goldCount = docs.Sum(d => d.Item2.Length);
        var rows = ImmutableArray.CreateBuilder<string>();
        rows.Add(AttributionMisses.Header);
        for (int d = 0; d < docs.Count; d++) rows.AddRange(AttributionMisses.Rows(names[d], docs[d].Item1, docs[d].Item2, docs[d].Item3));
        foreach (var category in AttributionMisses.Categories) metrics.Add(new Metric($"missed.{category}", misses.GetValueOrDefault(category), goldCount));
        metrics.Add(new Metric("documents", docs.Count));
        metrics.Add(new Metric("gold_attributions", docs.Sum(d => d.Item2.Length)));
        // Pipeline time only (reading files excluded), one thread.
        metrics.Add(new Metric("docs_per_second", docs.Count / Math.Max(watch.Elapsed.TotalSeconds, 1e-9)));
        metrics.Add(new Metric("chars_per_second", characters / Math.Max(watch.Elapsed.TotalSeconds, 1e-9)));
        return new EvaluationReport(Task, path, [.. metrics], warnings.ToImmutable(), rows.ToImmutable());
    }
}
