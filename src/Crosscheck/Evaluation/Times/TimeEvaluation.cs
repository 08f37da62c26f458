using System.Collections.Immutable;
using Crosscheck.Times;

namespace Crosscheck.Evaluation.Times;

/// <summary>
/// <c>crosscheck eval times DIR</c>: every .tml file under DIR (or one file) goes through the default
/// pipeline with its DCT as the publication date (a copy of a document already scored, same name and text, is
/// scored once); the system's time layer is scored against the
/// inline TIMEX3s as TempEval-3 did (extraction strict/relaxed P/R/F1, type and value accuracy over
/// relaxed matches, value F1). The DCT's own TIMEX3 is not scored.
/// </summary>
public sealed class TimeEvaluation : IEvaluation
{
    public string Task => "times";

    public string Description => "TimeML .tml files (TempEval-3): time expression extraction strict/relaxed F1, type and value accuracy, value F1";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var files = File.Exists(path) ? [path] : Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : throw new FileNotFoundException($"No .tml file or folder at '{path}'.", path);
        var pipeline = DefaultPipeline.CreateBuilder().Build();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var total = default(TimeCounts);
        int documents = 0;
        var misses = ImmutableArray.CreateBuilder<string>();
        misses.Add(TimeScorer.MissColumns);
        // TempEval-3's distribution repeats a TimeBank document as its pipeline sample (testpipeline/); one document
        // scored twice would count its expressions twice.
        var scored = new HashSet<(string Id, string Text)>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = TimeMl.Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
            if (document.CreationTime is null)
            {
                warnings.Add($"{file}: no DCT value; skipped");
                continue;
            }
            if (!scored.Add((document.Id, document.Text)))
            {
                warnings.Add($"{file}: the same document as one already scored; skipped");
                continue;
            }
            var article = new Article
            {
                Id = document.Id,
                SourcePath = file,
                Text = document.Text,
                ContentHash = document.Id,
                Published = PublicationDate.Given(document.CreationTime.Value, "DCT"),
            };
            var outcome = pipeline.Analyze(article, new AnalysisContext(document.CreationTime.Value));
            foreach (var failure in outcome.Failures) warnings.Add($"{file}: stage {failure.Stage}: {failure.Message}");
            var system = outcome.Article.Items(Layers.Times);
            total += TimeScorer.Score(document.Timexes, system);
            misses.AddRange(TimeScorer.Misses(document.Id, document.Text, document.Timexes, system));
            documents++;
        }
        if (!pipeline.Stages.Any(s => s.Produces.Contains(Layers.Times))) warnings.Add("the pipeline has no stage producing the times layer");
        var metrics = ImmutableArray.CreateBuilder<Metric>();
        metrics.Add(new Metric("documents", documents));
        metrics.Add(new Metric("gold", total.Gold));
        metrics.Add(new Metric("system", total.System));
        metrics.AddRange(total.Strict.ToMetrics("strict"));
        metrics.AddRange(total.Relaxed.ToMetrics("relaxed"));
        metrics.Add(new Metric("type.accuracy", total.TypeAccuracy, total.RelaxedMatches));
        metrics.Add(new Metric("value.accuracy", total.ValueAccuracy, total.RelaxedMatches));
        metrics.AddRange(total.Type.ToMetrics("type"));
        metrics.AddRange(total.Value.ToMetrics("value"));
        metrics.AddRange(total.ValueEquivalentForm.ToMetrics("value_equivalent"));
        return new EvaluationReport(Task, path, metrics.ToImmutable(), warnings.ToImmutable(), misses.ToImmutable());
    }
}
