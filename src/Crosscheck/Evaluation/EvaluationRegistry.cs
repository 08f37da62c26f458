namespace Crosscheck.Evaluation;

/// <summary>Every evaluation <c>crosscheck eval</c> offers, by task word.</summary>
public static class EvaluationRegistry
{
    public static IReadOnlyList<IEvaluation> All { get; } =
    [
        new Crosscheck.Evaluation.Attribution.AttributionEvaluation(),
    ];

    public static IEvaluation? Find(string task) =>
        All.FirstOrDefault(e => string.Equals(e.Task, task, StringComparison.OrdinalIgnoreCase));
}
