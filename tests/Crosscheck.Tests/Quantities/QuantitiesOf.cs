using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

/// <summary>The quantities the text, time and quantity stages read in one invented sentence, with the text each covers.</summary>
internal static class QuantitiesOf
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Add(new QuantityStage()).Build();

    public static IReadOnlyList<(string Text, Quantity Quantity)> Read(string text)
    {
        var article = new Article { Id = "q", Text = text, ContentHash = "q", Published = PublicationDate.Given(new DateOnly(2024, 12, 16), "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2024, 12, 16)));
        outcome.Failures.Should().BeEmpty();
        return outcome.Article.Items(Layers.Quantities).Select(q => (q.Span.Of(text), q)).ToList();
    }
}
