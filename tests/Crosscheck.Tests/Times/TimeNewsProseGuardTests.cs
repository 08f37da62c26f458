using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Ordinary news sentences in which the spoken-day, one-letter meridiem, weekday-abbreviation, night-clock and named-week
/// rules must not fire or must keep their plain reading. Published 2024-12-16 (a Monday) unless said otherwise.
/// </summary>
public class SpokenDayGuardTests
{
    [Theory]
    // A cardinal after a month that goes on to count something, or "of" after it, is no day.
    [InlineData("By March twenty-one of the 27 member states had ratified it.")]
    [InlineData("By March twenty one of the clubs had paid.")]
    [InlineData("In May twenty two people were hurt.")]
    [InlineData("By June thirty-first of all the claims were settled.")]
    public void LeavesCountsAfterAMonthAlone(string text) =>
        TimesOf.Read(text).Should().OnlyContain(t => t.Value.Length <= 7);

    [Theory]
    [InlineData("The treaty was signed on March thirty-first, 1998.", "March thirty-first, 1998", "1998-03-31")]
    [InlineData("The treaty was signed on March thirty first 1998 in Rome.", "March thirty first 1998", "1998-03-31")]
    [InlineData("The vote was held on May twenty nine, officials said.", "May twenty nine", "2024-05-29")]
    [InlineData("The vote was held on May twenty nine.", "May twenty nine", "2024-05-29")]
    public void ReadsTheYearAfterASpokenDay(string text, string span, string value) =>
        TimesOf.Read(text).Should().Equal((span, value));
}

public class OneLetterMeridiemGuardTests
{
    [Theory]
    // Pence and cents cut to a letter after "at" are prices, not clocks.
    [InlineData("Shares in the miner closed at 9p.")]
    [InlineData("The bid values each share at 5p.")]
    [InlineData("Bond yields stood at 4a.")]
    public void LeavesPricesAlone(string text) => TimesOf.Read(text).Should().BeEmpty();

    [Theory]
    [InlineData("Call me today at 9a.", "today at 9a", "2024-12-16T09:00")]
    [InlineData("The vote will close Friday at 8p.", "Friday at 8p", "2024-12-20T20:00")]
    public void ReadsTheChatClockAfterADay(string text, string span, string value) =>
        TimesOf.Read(text).Should().Equal((span, value));
}

public class ShortWeekdayWordGuardTests
{
    [Theory]
    // "Sat", "Sun", "Wed" with a capital open sentences, quotes and headlines; only a date around them makes a weekday.
    [InlineData("\"Sat 14th in the table was not good enough,\" the manager said.")]
    [InlineData("Horton 1st, Sun 2nd.")]
    [InlineData("Liverpool Sat 2nd In Table After Draw")]
    [InlineData("Rivals Wed 3rd Cousins In Quiet Ceremony")]
    [InlineData("Why the Club Sat 14th.")]
    [InlineData("the club Sat 14th in the table")]
    public void LeavesWordsWithCapitalsAlone(string text) => TimesOf.Read(text).Should().BeEmpty();

    [Theory]
    [InlineData("The hearing is on Sat 14th.", "Sat 14th", "2024-12-14")]
    [InlineData("Doors open Sat 21st at 7pm.", "Sat 21st at 7pm", "2024-12-21T19:00")]
    [InlineData("The court will sit again Wed 18th.", "Wed 18th", "2024-12-18")]
    public void ReadsTheAbbreviationWithADateAroundIt(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Fact]
    public void ReadsTheAbbreviationAfterAnotherDay() =>
        TimesOf.Read("The fair runs Fri 20th, Sat 21st.").Should().Equal(("Fri 20th", "2024-12-20"), ("Sat 21st", "2024-12-21"));
}

public class NightClockGuardTests
{
    [Theory]
    [InlineData("Rebels shelled the town in the night at 3.", "T03:00")]
    [InlineData("The mayor speaks tonight at 9.", "T21:00")]
    [InlineData("The curfew ends tonight at 2.", "T02:00")]
    public void ReadsASmallHourOfTheNightAsTheSmallHour(string text, string clock) =>
        TimesOf.Read(text).Should().ContainSingle().Which.Value.Should().EndWith(clock);
}

public class NamedWeekListGuardTests
{
    private static readonly DateOnly Friday = new(2024, 12, 20);

    [Fact]
    public void AListAfterACommaStaysOutOfTheWeek() =>
        TimesOf.Read("Unlike last week, Monday and Tuesday were calm.", Friday).Should().Contain(("Tuesday", "2024-12-17"));

    [Fact]
    public void AListAfterOnFallsInTheWeek() =>
        TimesOf.Read("Talks resume next week on Monday and Tuesday.", Friday).Should().Equal(("next week on Monday", "2024-12-23"), ("Tuesday", "2024-12-24"));
}
