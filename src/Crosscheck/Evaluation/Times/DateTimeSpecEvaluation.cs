using System.Collections.Immutable;
using Crosscheck.Evaluation.Quantities;
using Crosscheck.Times;

namespace Crosscheck.Evaluation.Times;

/// <summary>
/// <c>crosscheck eval datetime PATH</c>: Recognizers-Text DateTime spec files (e.g. DateTimeModel.json),
/// each input run through the default pipeline with the case's reference date as publication date.
/// A case is fully right when every expected result has an overlapping time expression whose value is
/// the expected TIMEX or one of its resolved values (Recognizers-Text leaves "XXXX-12-14" unresolved in
/// the TIMEX and gives the dated readings as values), and nothing extra was found. Cases marked not
/// supported in .NET are skipped. Range types (daterange "(2018-08-31,2018-10-31,P2M)") rarely match:
/// this project resolves a phrase to one TIMEX3 value, as TimeML does.
/// </summary>
public sealed class DateTimeSpecEvaluation : IEvaluation
{
    public string Task => "datetime";

    public string Description => "Recognizers-Text DateTime spec JSON: share of cases fully right, and value accuracy over expected results";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var files = File.Exists(path) ? [path] : Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "DateTimeModel*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : throw new FileNotFoundException($"No spec file or folder at '{path}'.", path);
        var pipeline = DefaultPipeline.CreateBuilder().Build();
        var metrics = ImmutableArray.CreateBuilder<Metric>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        int cases = 0, skipped = 0, fullyRight = 0, expected = 0, valueRight = 0, empty = 0, emptyRight = 0;
        foreach (var file in files)
        {
            ImmutableArray<SpecCase> specCases;
            try
            {
                specCases = RecognizerSpecs.Parse(File.ReadAllText(file));
            }
            catch (System.Text.Json.JsonException ex)
            {
                warnings.Add($"{file}: unreadable JSON ({ex.Message}); skipped");
                continue;
            }
            foreach (var specCase in specCases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (specCase.NotSupportedInDotNet)
                {
                    skipped++;
                    continue;
                }
                var reference = specCase.ReferenceDate ?? new DateOnly(2016, 11, 7);
                var article = new Article { Id = "case", Text = specCase.Input, ContentHash = "case", Published = PublicationDate.Given(reference, "spec") };
                var system = pipeline.Analyze(article, new AnalysisContext(reference)).Article.Items(Layers.Times);
                var score = ScoreCase(specCase, system);
                cases++;
                expected += specCase.Results.Length;
                valueRight += score.ValueRight;
                if (score.FullyRight) fullyRight++;
                if (specCase.Results.IsEmpty)
                {
                    empty++;
                    if (score.FullyRight) emptyRight++;
                }
            }
        }
        metrics.Add(new Metric("cases", cases));
        metrics.Add(new Metric("skipped", skipped));
        metrics.Add(new Metric("fully_right", cases == 0 ? 0 : (double)fullyRight / cases, cases));
        metrics.Add(new Metric("value_accuracy", expected == 0 ? 0 : (double)valueRight / expected, expected));
        metrics.Add(new Metric("no_time.right", empty == 0 ? 0 : (double)emptyRight / empty, empty));
        return new EvaluationReport(Task, path, metrics.ToImmutable(), warnings.ToImmutable());
    }

    /// <summary>How many expected results were found with an accepted value, and whether the case is fully right.</summary>
    public static (int ValueRight, bool FullyRight) ScoreCase(SpecCase specCase, IReadOnlyList<TimeExpression> system)
    {
        var used = new bool[system.Count];
        int right = 0;
        foreach (var result in specCase.Results)
        {
            for (int i = 0; i < system.Count; i++)
            {
                if (used[i] || !system[i].Span.Overlaps(result.Span)) continue;
                used[i] = true;
                bool accepted = system[i].Value == result.Timex || !result.ResolvedValues.IsDefault && result.ResolvedValues.Contains(system[i].Value);
                if (accepted) right++;
                break;
            }
        }
        bool noExtra = true;
        foreach (bool u in used) noExtra &= u;
        return (right, right == specCase.Results.Length && noExtra);
    }
}
