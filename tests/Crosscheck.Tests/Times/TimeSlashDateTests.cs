using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// A month and day written with a slash and no year ("on 11/20") is a date only after a date word, a weekday or another
/// such date; fractions, scores, ratios and numeric event names stay what they are. Published 2024-12-16, a Monday.
/// </summary>
public class TimeSlashDateTests
{
    [Theory]
    [InlineData("The court will rule on 12/20.", "12/20", "2024-12-20")]
    [InlineData("The embassy will reopen on 1/6.", "1/6", "2025-01-06")]
    [InlineData("The hearing was set for 12/19 at 10 a.m.", "12/19 at 10 a.m.", "2024-12-19T10:00")]
    [InlineData("He flew home on 22/11 after the talks.", "22/11", "2024-11-22")]
    public void ReadsASlashedDayAfterADateWord(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    public void ReadsEveryDateOfAListOrRange()
    {
        TimesOf.Read("Talks are planned on 12/20, 12/27 or 1/3.").Select(t => t.Value).Should().Equal("2024-12-20", "2024-12-27", "2025-01-03");
        TimesOf.Read("The exhibition runs from 12/20 to 1/5.").Select(t => t.Value).Should().Equal("2024-12-20", "2025-01-05");
        TimesOf.Read("The window was 10/1-11/2/2024, officials said.").Select(t => t.Value).Should().Contain(["2024-10-01", "2024-11-02"]);
    }

    [Fact]
    public void TakesAWeekdayAndItsSlashedDateAsOneDate() =>
        TimesOf.Read("The vote was held Friday 12/13.").Should().Equal(("Friday 12/13", "2024-12-13"));

    [Theory]
    [InlineData("The 9/11 commission met in Washington.")]
    [InlineData("Security has changed since 9/11.")]
    [InlineData("The clinic is open 24/7 from Monday.")]
    [InlineData("Turnout rose by 1/3 in the capital.")]
    [InlineData("The bill passed with a 2/3 majority.")]
    [InlineData("Rain fell on 3/4 of the days.")]
    [InlineData("Support was between 1/4 and 1/3 of voters.")]
    [InlineData("She won 6/4 6/3 in the final.")]
    [InlineData("A 24-hour strike may 2 people said was illegal.")]
    [InlineData("Supporters will March on the capital.")]
    public void LeavesFractionsScoresAndEventNamesAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.Contains('/') || t.Value.StartsWith("2024-05-02") || t.Value.StartsWith("2025-03"));

    // After a measured or changing quantity "from" and "between" give its values: odds, ratios and shares are no dates.
    [Theory]
    [InlineData("The favourite drifted from 5/2 to 7/2 before the race.")]
    [InlineData("The jobless share fell from 1/4 in 2019 to 1/5 last year.")]
    [InlineData("Bookmakers said the odds were from 5/2 to 3/1 on the champion.")]
    [InlineData("The ratio narrowed from 3/1 to 2/1 after the merger.")]
    public void LeavesValuesAfterAMeasureWordAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.Contains('/'));

    // A verb of change before another date word names the day it happened on.
    [Theory]
    [InlineData("Shares rose on 12/13 after the report.", "2024-12-13")]
    [InlineData("The exhibition moved from 12/20 to 1/5.", "2024-12-20")]
    public void KeepsDatesAroundAVerbOfChangeWithOtherCues(string text, string value) =>
        TimesOf.Read(text).Select(t => t.Value).Should().Contain(value);
}
