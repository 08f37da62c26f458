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

    private static readonly DateOnly Saturday = new(2024, 12, 21);
    private static readonly DateOnly Sunday = new(2024, 12, 22);

    // At the weekend the working week just ended is the "last" one: "last Friday" is the day before yesterday, not nine days back.
    [Theory]
    [InlineData("Police said the warehouse fire broke out last Friday.", "2024-12-20")]
    [InlineData("The mayor announced her resignation last Monday.", "2024-12-16")]
    [InlineData("The ferry sank last Sunday.", "2024-12-15")]
    [InlineData("The talks resume next Friday.", "2024-12-27")]
    [InlineData("Polls open next Sunday.", "2024-12-29")]
    public void ReadsLastAsTheWeekJustEndedOnASunday(string text, string value) =>
        TimesOf.Read(text, Sunday).Select(t => t.Value).Should().Equal(value);

    [Theory]
    [InlineData("Police said the warehouse fire broke out last Friday.", "2024-12-20")]
    [InlineData("The league suspended the coach last Tuesday.", "2024-12-17")]
    [InlineData("The bridge reopened last Saturday.", "2024-12-14")]
    [InlineData("The bridge reopened last Sunday.", "2024-12-15")]
    [InlineData("The strike begins next Monday.", "2024-12-23")]
    [InlineData("The final is next Saturday.", "2024-12-28")]
    public void ReadsLastAsTheWeekJustEndedOnASaturday(string text, string value) =>
        TimesOf.Read(text, Saturday).Select(t => t.Value).Should().Equal(value);

    // A week named in words keeps the calendar reading at the weekend too.
    [Fact]
    public void KeepsTheCalendarWeekWhenTheWeekIsNamed() =>
        TimesOf.Read("The fire broke out on Friday of last week.", Sunday).Select(t => t.Value).Should().Contain("2024-12-13");
}
