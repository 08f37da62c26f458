using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// "next Friday" and "last Wednesday" are the weekday of the next or last calendar week; "coming" names the nearest one
/// ahead, and a bare weekday keeps the nearest reading. Published Thursday 2024-12-19.
/// </summary>
public class TimeCalendarWeekTests
{
    private static readonly DateOnly Thursday = new(2024, 12, 19);

    [Theory]
    [InlineData("The minister resigned last Wednesday.", "last Wednesday", "2024-12-11")]
    [InlineData("The report came out the previous Monday.", "previous Monday", "2024-12-09")]
    [InlineData("The talks resume next Friday.", "next Friday", "2024-12-27")]
    [InlineData("The court will rule next Wednesday morning.", "next Wednesday morning", "2024-12-25TMO")]
    public void ReadsNextAndLastAsTheCalendarWeek(string text, string span, string value) =>
        TimesOf.Read(text, Thursday).Should().Contain((span, value));

    [Theory]
    [InlineData("Voters go to the polls this coming Sunday.", "2024-12-22")]
    [InlineData("The strike starts on the upcoming Friday.", "2024-12-20")]
    [InlineData("The minister resigned on Wednesday.", "2024-12-18")]
    [InlineData("The court will rule on Friday.", "2024-12-20")]
    public void KeepsTheNearestWeekdayForComingAndBareWeekdays(string text, string value) =>
        TimesOf.Read(text, Thursday).Select(t => t.Value).Should().Contain(value);
}
