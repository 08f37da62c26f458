using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Weeks of a month ("the last week of July"), days and months counted within a named unit ("the 15th day of next month",
/// "the third month of 2021") and the holidays added as data. Invented sentences, published on Monday 2024-12-16.
/// </summary>
public class TimeWeekOfMonthTests
{
    private static void Expect(string text, params string[] expected)
    {
        var pairs = new List<(string, string)>();
        for (int i = 0; i + 1 < expected.Length; i += 2) pairs.Add((expected[i], expected[i + 1]));
        TimesOf.Read(text).Should().Equal(pairs);
    }

    // The weeks whose Thursday falls in the month, counted from the first or the last, as ISO weeks.
    [Theory]
    [InlineData("The festival will take place in the last week of July.", "the last week of July", "2025-W31")]
    [InlineData("Sales fell in the first week of January 2015.", "the first week of January 2015", "2015-W01")]
    [InlineData("The audit is due in the second week of next month.", "the second week of next month", "2025-W02")]
    [InlineData("Repairs will run through the last week of the month.", "the last week of the month", "2024-W52")]
    // A week belongs to the month of its Thursday: July 2017 ends on a Monday, March 2025 starts on a Saturday.
    [InlineData("Prices rose in the last week of July 2017.", "the last week of July 2017", "2017-W30")]
    [InlineData("Prices rose in the first week of March 2025.", "the first week of March 2025", "2025-W10")]
    public void ReadsAWeekOfAMonthAsItsIsoWeek(string text, params string[] expected) => Expect(text, expected);

    [Theory]
    [InlineData("Payments resume on the 15th day of next month.", "15th day of next month", "2025-01-15")]
    [InlineData("The deadline is the thirty-first day of the month.", "thirty-first day of the month", "2024-12-31")]
    [InlineData("They will leave in the third month of 2021.", "third month of 2021", "2021-03")]
    [InlineData("The review comes in the 9th month of next year.", "9th month of next year", "2025-09")]
    public void ReadsADayOrMonthCountedInANamedUnit(string text, params string[] expected) => Expect(text, expected);

    [Theory]
    [InlineData("Stores opened early on Black Friday 2010.", "Black Friday 2010", "2010-11-26")]
    [InlineData("Shoppers returned on Cyber Monday 2023.", "Cyber Monday 2023", "2023-11-27")]
    [InlineData("Rallies were held on earth day 2010.", "earth day 2010", "2010-04-22")]
    [InlineData("Unions marched on International Workers' Day.", "International Workers' Day", "2024-05-01")]
    public void ReadsTheAddedHolidays(string text, params string[] expected) => Expect(text, expected);

    [Theory]
    [InlineData("11:4:4+1", 2024, "2024-11-29")]
    [InlineData("11:4:4+1", 2019, "2019-11-29")]
    [InlineData("11:4:4+4", 2023, "2023-11-27")]
    public void MovesAWeekdayRuleOnByItsDays(string rule, int year, string expected) =>
        WordTable.HolidayDate(rule, year)!.Value.ToString("yyyy-MM-dd").Should().Be(expected);

    // Guards: a week, day or month of something other than a month or year is no date.
    [Theory]
    [InlineData("The first week of the strike was quiet.")]
    [InlineData("It was the 15th day of protests in the capital.")]
    [InlineData("Fighting eased in the third month of the war.")]
    public void LeavesAUnitOfAnEventAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.Contains(" of "));

    [Fact]
    public void LeavesABlackFridayInLowerCaseToTheWeekday() =>
        TimesOf.Read("It was a black Friday for the markets.").Should().ContainSingle().Which.Text.Should().Be("Friday");

    [Fact]
    public void LeavesEarthDayInLowerCaseWithoutACueAlone() =>
        TimesOf.Read("The earth day ended in rain.").Should().BeEmpty();
}

/// <summary>"the week of March 6": the ISO week holding the day, as TimeBank writes it. Published 2024-12-16.</summary>
public class TimeWeekOfADayTests
{
    [Theory]
    [InlineData("Trading was thin in the week of March 6.", "the week of March 6", "2024-W10")]
    [InlineData("The fair runs the week of the 18th.", "the week of the 18th", "2024-W51")]
    public void ReadsTheWeekOfADayAsItsIsoWeek(string text, string span, string value) =>
        TimesOf.Read(text).Should().Equal((span, value));

    [Theory]
    [InlineData("Protesters marked a week of March 6 rallies.", "March 6", "2024-03-06")]
    [InlineData("Two weeks of March 6 style protests followed.", "March 6", "2024-03-06")]
    public void LeavesADayAfterAnotherWeekPhraseAsTheDay(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));
}

/// <summary>
/// "the first Monday of March", "the last Friday of the month": a weekday counted within a month (before, the weekday
/// alone was read as the nearest one, a wrong date). Published on Monday 2024-12-16.
/// </summary>
public class TimeNthWeekdayOfMonthTests
{
    [Theory]
    [InlineData("The vote is on the first Monday of March.", "first Monday of March", "2025-03-03")]
    [InlineData("Meetings are held on the last Friday of the month.", "last Friday of the month", "2024-12-27")]
    [InlineData("Talks resume on the second Tuesday of next month.", "second Tuesday of next month", "2025-01-14")]
    [InlineData("It happened on the third Sunday of May 2019.", "third Sunday of May 2019", "2019-05-19")]
    public void ReadsAWeekdayCountedInAMonth(string text, string span, string value) =>
        TimesOf.Read(text).Should().Equal((span, value));

    [Theory]
    [InlineData("On the first Monday of the trial, the judge spoke.")]
    [InlineData("It was the second Friday of protests.")]
    public void LeavesAWeekdayCountedInAnEventAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.Contains(" of "));
}
