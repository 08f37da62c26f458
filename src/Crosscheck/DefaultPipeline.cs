using Crosscheck.Text;

namespace Crosscheck;

/// <summary>The standard per-report stages, in order. Build once and share: the result is immutable.</summary>
public static class DefaultPipeline
{
    public static PipelineBuilder CreateBuilder()
    {
        var builder = new PipelineBuilder();
        builder.Add(new TextStage());
        builder.Add(new Crosscheck.Claims.AttributionStage());
        builder.Add(new Crosscheck.Events.EventStage());
        return builder;
    }

    public static Pipeline Create() => CreateBuilder().Build();
}
