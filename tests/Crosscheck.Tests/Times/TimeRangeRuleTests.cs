using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>Ranges of months and days, month names in lower case, and the year a range's first end shares.</summary>
public class TimeRangeRuleTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Build();

    private static readonly DateOnly Published = new(2024, 12, 16);

    private static IReadOnlyList<(string Text, string Value)> Times(string text)
    {
        var article = new Article { Id = "t", Text = text, ContentHash = "t", Published = PublicationDate.Given(Published, "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(Published));
        outcome.Failures.Should().BeEmpty();
        return outcome.Article.Items(Layers.Times).Select(t => (t.Span.Of(text), t.Value)).ToList();
    }

    [Theory]
    [InlineData("The dig lasted from april to june.", "april", "2024-04", "june", "2024-06")]
    [InlineData("Trials went on between august and october.", "august", "2024-08", "october", "2024-10")]
    [InlineData("The ferry sailed from March to May.", "March", "2024-03", "May", "2024-05")]
    [InlineData("The fair runs from May to October 2026.", "May", "2026-05", "October 2026", "2026-10")]
    [InlineData("The survey covered November to February 2023.", "November", "2022-11", "February 2023", "2023-02")]
    [InlineData("Shops closed Nov. 28 - Dec. 3, 2019.", "Nov. 28", "2019-11-28", "Dec. 3, 2019", "2019-12-03")]
    [InlineData("The harbour was shut 9 to 12 of June.", "9", "2024-06-09", "12 of June", "2024-06-12")]
    [InlineData("Rain fell between 3 and 5 September 2021.", "3", "2021-09-03", "5 September 2021", "2021-09-05")]
    [InlineData("The camp was open april 9 through 17.", "april 9", "2024-04-09", "17", "2024-04-17")]
    public void ReadsBothEndsOfARange(string text, string first, string firstValue, string second, string secondValue)
    {
        Times(text).Should().Equal((first, firstValue), (second, secondValue));
    }

    [Theory]
    [InlineData("This may or may not help.")]
    [InlineData("This may take a while.")]
    [InlineData("The scouts march 20 miles.")]
    [InlineData("An august body met at noon.", "noon")]
    public void LeavesLowerCaseVerbsAndAdjectivesAlone(string text, string? only = null)
    {
        var times = Times(text);
        if (only is null) times.Should().BeEmpty();
        else times.Should().ContainSingle().Which.Text.Should().Be(only);
    }
}
