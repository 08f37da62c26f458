using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Places;
using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;

namespace Crosscheck;

/// <summary>The standard per-report stages, in order. Build once and share: the result is immutable.</summary>
public static class DefaultPipeline
{
    public static PipelineBuilder CreateBuilder()
    {
        var builder = new PipelineBuilder();
        builder.Add(new TextStage());
        builder.Add(new LanguageStage());     // before times: the time words are chosen by language
        builder.Add(new EntityStage());
        builder.Add(new PlaceStage());        // reads entity mentions when present
        builder.Add(new TimeStage());
        builder.Add(new QuantityStage());     // reads times so dates are not counted as quantities
        builder.Add(new AttributionStage());  // reads entities to name speakers
        builder.Add(new EventStage());        // reads times, places, quantities and entities
        return builder;
    }

    public static Pipeline Create() => CreateBuilder().Build();
}
