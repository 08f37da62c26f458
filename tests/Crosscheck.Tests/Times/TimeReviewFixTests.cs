using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>Defects a review of the time extractor found, each pinned by invented sentences.</summary>
public class TimeReviewFixTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Build();

    private static IReadOnlyList<string> Times(string text)
    {
        var article = new Article { Id = "t", Text = text, ContentHash = "t", Published = PublicationDate.Given(new DateOnly(2024, 12, 16), "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2000, 1, 1)));
        outcome.Failures.Should().BeEmpty();
        return outcome.Article.Items(Layers.Times).Select(t => $"{t.Span.Of(text)}={t.Value}").ToList();
    }

    [Theory]
    // The second end's meridiem carries only onto a first end that has none of its own.
    [InlineData("Polls are open from 7 a.m. to 8 p.m. on Sunday.", "7 a.m.=2024-12-15T07:00")]
    [InlineData("The office is staffed from 08:00 to 20:00 tomorrow.", "08:00=2024-12-17T08:00")]
    [InlineData("The office is staffed from 9 to 11 p.m. tomorrow.", "9=2024-12-17T21:00")]
    public void CarriesTheMeridiemOnlyOntoABareHour(string text, string expected) =>
        Times(text).Should().Contain(expected);

    [Theory]
    [InlineData("On March 3, two thousand protesters marched to the square.", "March 3=")]
    [InlineData("In May two thousand people fled the valley.", "May=")]
    public void ReadsTwoThousandAfterADateAsACount(string text, string expected) =>
        Times(text).Should().ContainSingle().Which.Should().StartWith(expected).And.NotContain("2000");

    [Theory]
    [InlineData("The treaty was signed on March 3, two thousand and one.", "March 3, two thousand and one=2001-03-03")]
    [InlineData("The archive dates from the year two thousand.", "year two thousand=2000")]
    [InlineData("They settled here in October two thousand and stayed.", "October two thousand=2000-10")]
    public void StillReadsSpelledYears(string text, string expected) =>
        Times(text).Should().Contain(expected);

    [Theory]
    [InlineData("The curfew begins at 1 a.m. tonight.", "1 a.m. tonight=2024-12-16T01:00")]
    [InlineData("The curfew begins at 11 a.m. this evening.", "11 a.m. this evening=2024-12-16T11:00")]
    [InlineData("The curfew begins at 10 o'clock tonight.", "10 o'clock tonight=2024-12-16T22:00")]
    [InlineData("The curfew begins at 12 o'clock tonight.", "12 o'clock tonight=2024-12-16T24:00")]
    public void ShiftsOnlyClocksWithoutAMeridiemIntoTheNight(string text, string expected) =>
        Times(text).Should().Contain(expected);

    [Fact]
    public void DoesNotReadTheDayOfADateAsTheStartOfAClockRange() =>
        Times("Reporters gathered on December 14 - 10pm press briefing.").Should().NotContain(t => t.StartsWith("14="));

    [Theory]
    [InlineData("Crowds filled the square on New Year’s Eve.", "2024-12-31")]
    [InlineData("The shops were busy before Valentine’s Day.", "2024-02-14")]
    [InlineData("Markets were closed on Presidents' Day.", "2024-02-19")]
    public void MatchesHolidaysWithEitherApostrophe(string text, string value) =>
        Times(text).Should().Contain(t => t.EndsWith("=" + value));

    [Fact]
    public void ReadsThisYearsQuarterWithATypographicApostrophe() =>
        Times("Sales rose in this year’s third quarter.").Should().Contain("this year’s third quarter=2024-Q3");

    [Fact]
    public void ReadsHolidayRulesWhateverTheCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // A culture whose negative sign is not "-" must not change how "5:-1:1" (last Monday of May) reads.
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
            WordTable.HolidayDate("5:-1:1", 2024).Should().Be(new DateOnly(2024, 5, 27));
            WordTable.HolidayDate("12-25", 2024).Should().Be(new DateOnly(2024, 12, 25));
            WordTable.HolidayDate("+12-25", 2024).Should().BeNull();
            WordTable.HolidayDate(" 5:1:1", 2024).Should().BeNull();
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void CarriesARoundedUpRestIntoTheWholePart() =>
        TimeResolver.DurationValue(4.99999999999, "H").Should().Be("PT5H");
}
