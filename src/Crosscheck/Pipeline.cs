using System.Collections.Immutable;

namespace Crosscheck;

/// <summary>
/// A frozen, thread-safe sequence of stages, made by <see cref="PipelineBuilder.Build"/>.
/// A stage that throws on one article is reported in the outcome; the stages that need its
/// layer are skipped for that article, and every other stage and article goes on.
/// </summary>
public sealed class Pipeline
{
    internal Pipeline(ImmutableArray<IStage> stages) => Stages = stages;

    public ImmutableArray<IStage> Stages { get; }

    public AnalysisOutcome Analyze(Article article, AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(context);
        var current = new AnalyzedArticle(article).AnchoredOn(context.ReferenceDateFor(article));
        List<StageFailure>? failures = null;
        foreach (var stage in Stages)
        {
            var missing = stage.Requires.FirstOrDefault(k => !current.Has(k));
            if (missing is not null)
            {
                (failures ??= []).Add(new StageFailure(stage.Name, $"skipped: layer '{missing.Name}' is missing after an earlier failure"));
                continue;
            }
            try
            {
                var next = stage.Process(current, context);
                if (next is null || !ReferenceEquals(next.Article.Text, current.Article.Text) && next.Article.Text != current.Article.Text)
                {
                    (failures ??= []).Add(new StageFailure(stage.Name, "returned no article, or one with different text; its result is ignored"));
                    continue;
                }
                current = next;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                (failures ??= []).Add(new StageFailure(stage.Name, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }
        return new AnalysisOutcome(current, failures is null ? [] : [.. failures]);
    }
}

public sealed record StageFailure(string Stage, string Message);

public sealed record AnalysisOutcome(AnalyzedArticle Article, ImmutableArray<StageFailure> Failures)
{
    public bool Succeeded => Failures.IsEmpty;
}
