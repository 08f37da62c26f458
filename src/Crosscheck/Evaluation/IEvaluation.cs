using System.Collections.Immutable;

namespace Crosscheck.Evaluation;

/// <summary>
/// Scores one capability against a folder or file of human annotations. Format-generic: any
/// data in the same format scores, not only the shared copies.
/// </summary>
public interface IEvaluation
{
    /// <summary>The TASK word of <c>crosscheck eval TASK DIR</c>.</summary>
    string Task { get; }

    /// <summary>One line for --help: the format it reads and what it scores.</summary>
    string Description { get; }

    EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default);
}

/// <param name="Support">How many gold items the metric rests on, when that is meaningful.</param>
public sealed record Metric(string Name, double Value, int? Support = null);

/// <param name="Misses">
/// One tab-separated row per gold item missed or got wrong, the first row naming the columns;
/// empty where the task does not list them. Written by <c>crosscheck eval --errors FILE</c>.
/// </param>
public sealed record EvaluationReport(string Task, string Dataset, ImmutableArray<Metric> Metrics, ImmutableArray<string> Warnings, ImmutableArray<string> Misses = default)
{
    public ImmutableArray<string> MissRows => Misses.IsDefault ? [] : Misses;

    public double this[string metric] => Metrics.First(m => m.Name == metric).Value;
}
