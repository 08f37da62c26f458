using Crosscheck.Text;

namespace Crosscheck;

/// <summary>The standard per-report stages, in order. Build once and share: the result is immutable.</summary>
public static class DefaultPipeline
{
    public static PipelineBuilder CreateBuilder()
    {
        var builder = new PipelineBuilder();
        builder.Add(new TextStage());
        builder.Add(new Entities.EntityStage());
        builder.Add(new Crosscheck.Places.PlaceStage());
        builder.Add(new Crosscheck.Times.TimeStage());
        builder.Add(new Crosscheck.Quantities.QuantityStage());
        builder.Add(new Crosscheck.Language.LanguageStage());
        return builder;
    }

    public static Pipeline Create() => CreateBuilder().Build();
}
