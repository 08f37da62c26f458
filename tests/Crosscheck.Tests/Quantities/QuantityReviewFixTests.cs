using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

/// <summary>Defects a review of the quantity extractor found, each pinned by invented sentences.</summary>
public class QuantityReviewFixTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Add(new QuantityStage()).Build();

    private static IReadOnlyList<Quantity> Quantities(string text)
    {
        var article = new Article { Id = "q", Text = text, ContentHash = "q", Published = PublicationDate.Given(new DateOnly(2024, 12, 16), "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2000, 1, 1)));
        outcome.Failures.Should().BeEmpty();
        return outcome.Article.Items(Layers.Quantities).ToList();
    }

    [Theory]
    [InlineData("Turnout - one in five voters - was low.", 0.2)]
    [InlineData("Support - 3/4 of members - carried the motion.", 0.75)]
    public void DoesNotNegateAFractionAfterADetachedDash(string text, double value) =>
        Quantities(text).Should().Contain(q => q.Value == value).And.NotContain(q => q.Value < 0);

    [Fact]
    public void StillNegatesAnAttachedSign() =>
        Quantities("The temperature fell to -5 degrees overnight.").Should().Contain(q => q.Value == -5 || q.Min == -5);

    [Fact]
    public void NegatesASpacedSignAtTheStartOfTheText() =>
        Quantities("- 2 1/2").Should().Contain(q => q.Value == -2.5);

    [Fact]
    public void FlagsARangeWhoseUpperEndIsLargerThanTheWorldPopulation()
    {
        var range = new Quantity(new Span(0, 10), 100, 9e9, "persons", Kind: QuantityKind.Persons);
        Quantity.IsImplausible(range).Should().BeTrue();
        Quantity.IsImplausible(range with { Max = 5e9 }).Should().BeFalse();
    }
}
