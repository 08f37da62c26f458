using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>"between 2 and 3 in the morning": two bare hours, then the part of the day they fall in. Published 2024-12-16.</summary>
public class TimePartOfDayRangeTests
{
    [Theory]
    [InlineData("The shooting happened between 2 and 3 in the morning.", "2024-12-16T02:00", "2024-12-16T03:00")]
    [InlineData("Polls are open from 7 to 9 in the evening.", "2024-12-16T19:00", "2024-12-16T21:00")]
    [InlineData("On Tuesday, the hall will open between 5 and 6 in the afternoon.", "2024-12-17T17:00", "2024-12-17T18:00")]
    // A verb of change makes values only of "from ... to": the rain fell at those hours.
    [InlineData("Heavy rain fell between 2 and 5 in the morning.", "2024-12-16T02:00", "2024-12-16T05:00")]
    public void ReadsBothHoursInThePart(string text, string first, string second) =>
        TimesOf.Read(text).Select(t => t.Value).Should().ContainInOrder(first, second);

    [Theory]
    // A count after a counting word, or a part of the day before a noun, is no clock range.
    [InlineData("Temperatures fell to between 5 and 6 in the afternoon.")]
    [InlineData("Police arrested between 5 and 6 in the morning.")]
    [InlineData("Turnout rose from 5 to 6 in the morning hours.")]
    // The numbers after a measured or changing quantity are its values.
    [InlineData("Forecasters said temperatures would range between 2 and 5 in the morning.")]
    [InlineData("Turnout climbed from 3 to 7 in the afternoon.")]
    [InlineData("The river level rose steadily from 2 to 4 in the evening, engineers said.")]
    [InlineData("Overnight lows from 1 to 4 in the morning are expected.")]
    public void LeavesCountsAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Value.Contains(":00"));
}
