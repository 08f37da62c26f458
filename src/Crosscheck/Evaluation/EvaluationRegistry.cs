using Crosscheck.Evaluation.Attribution;
using Crosscheck.Evaluation.Copies;
using Crosscheck.Evaluation.Entities;
using Crosscheck.Evaluation.Independence;
using Crosscheck.Evaluation.Language;
using Crosscheck.Evaluation.Places;
using Crosscheck.Evaluation.Provenance;
using Crosscheck.Evaluation.Quantities;
using Crosscheck.Evaluation.Stories;
using Crosscheck.Evaluation.Times;

namespace Crosscheck.Evaluation;

/// <summary>Every evaluation <c>crosscheck eval</c> offers, by task word.</summary>
public static class EvaluationRegistry
{
    public static IReadOnlyList<IEvaluation> All { get; } =
    [
        new StoryEvaluation(),
        new TimeEvaluation(),
        new DateTimeSpecEvaluation(),
        new AttributionEvaluation(),
        new StatusEvaluation(),
        new QuantityEvaluation(),
        new PlaceEvaluation(),
        new EntityEvaluation(),
        new EntityCoreferenceEvaluation(),
        new LanguageEvaluation(),
        new PublicationDateEvaluation(),
        new CopyEvaluation(),
        new IndependenceEvaluation(),
    ];

    public static IEvaluation? Find(string task) =>
        All.FirstOrDefault(e => string.Equals(e.Task, task, StringComparison.OrdinalIgnoreCase));
}
