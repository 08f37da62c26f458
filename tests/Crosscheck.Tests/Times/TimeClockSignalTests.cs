using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// A clock time bounded by a signal after a day ("tomorrow before 5pm") and the second end of a clock range after a day
/// ("Tuesday at 2:00 - 2:30 pm") fall on that day. Published 2024-12-16, a Monday.
/// </summary>
public class TimeClockSignalTests
{
    [Theory]
    [InlineData("The ballots must arrive tomorrow before 5pm.", "5pm", "2024-12-17T17:00")]
    [InlineData("The deadline is Thursday no later than 6:00 p.m.", "6:00 p.m.", "2024-12-19T18:00")]
    [InlineData("The minister will speak on Wednesday after 10 a.m.", "10 a.m.", "2024-12-18T10:00")]
    [InlineData("Polls will close on Friday by 8pm local time.", "8pm", "2024-12-20T20:00")]
    public void PutsABoundedClockOnTheDayBeforeIt(string text, string clock, string value) =>
        TimesOf.Read(text).Should().Contain((clock, value));

    [Theory]
    [InlineData("The hearing will run Tuesday at 2:00 - 2:30 pm.", "2:30 pm", "2024-12-17T14:30")]
    [InlineData("Parliament will sit Thursday 19:00 - 21:00.", "21:00", "2024-12-19T21:00")]
    public void PutsTheSecondEndOfAClockRangeOnTheFirstEndsDay(string text, string clock, string value) =>
        TimesOf.Read(text).Should().Contain((clock, value));

    [Theory]
    // No clock after the signal: counts and durations stay what they are.
    [InlineData("Talks resume Monday after 10 days of silence.")]
    [InlineData("The shop opened Monday and closed after 5 people came.")]
    [InlineData("The unions called a 24-hour strike for Tuesday before 2025 elections.")]
    public void LeavesCountsAfterASignalAlone(string text) =>
        TimesOf.Read(text).Should().OnlyContain(t => !(t.Value.Length > 10 && t.Value[10] == 'T'));
}
