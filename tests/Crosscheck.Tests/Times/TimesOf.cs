using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>The time expressions the text and time stages read in one invented text published on 2024-12-16, with the text each covers.</summary>
internal static class TimesOf
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Build();

    public static readonly DateOnly Published = new(2024, 12, 16);

    public static IReadOnlyList<(string Text, string Value)> Read(string text) => Read(text, Published);

    public static IReadOnlyList<(string Text, string Value)> Read(string text, DateOnly published)
    {
        var article = new Article { Id = "t", Text = text, ContentHash = "t", Published = PublicationDate.Given(published, "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(published));
        outcome.Failures.Should().BeEmpty();
        return outcome.Article.Items(Layers.Times).Select(t => (t.Span.Of(text), t.Value)).ToList();
    }
}
