namespace Crosscheck.Evaluation;

/// <summary>Every evaluation <c>crosscheck eval</c> offers, by task word.</summary>
public static class EvaluationRegistry
{
    public static IReadOnlyList<IEvaluation> All { get; } =
    [
        new Entities.EntityEvaluation(),
        new Crosscheck.Evaluation.Places.PlaceEvaluation(),
        new Crosscheck.Evaluation.Times.TimeEvaluation(),
        new Crosscheck.Evaluation.Quantities.QuantityEvaluation(),
        new Crosscheck.Evaluation.Times.DateTimeSpecEvaluation(),
        new Crosscheck.Stories.StoryEvaluation(),
        new Language.LanguageEvaluation(),
    ];

    public static IEvaluation? Find(string task) =>
        All.FirstOrDefault(e => string.Equals(e.Task, task, StringComparison.OrdinalIgnoreCase));
}
