using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Which sense a time word has and which day it hangs on: meals on the day written next to them, "to date" as a verb,
/// a past-tense year-end early in a year, plans told in the past before a weekday, "today's" before an era noun that
/// names a thing, spelled numbers that count things, and "year-end 2025". Invented news sentences, each with a near miss.
/// </summary>
public class TimeWordSenseAndAnchorTests
{
    private static IEnumerable<string> Values(string text) => TimesOf.Read(text).Select(t => t.Value);

    [Theory]
    [InlineData("The council will vote after lunch on Friday.", "lunch", "2024-12-20TMEL", "Friday", "2024-12-20")]
    [InlineData("Negotiators meet again after lunch tomorrow.", "lunch", "2024-12-17TMEL", "tomorrow", "2024-12-17")]
    [InlineData("The defendant spoke before lunch Thursday.", "lunch", "2024-12-12TMEL", "Thursday", "2024-12-12")]
    [InlineData("The summit closes before dinner on December 19.", "dinner", "2024-12-19TMED", "December 19", "2024-12-19")]
    public void PutsAMealOnTheDayWrittenNextToIt(string text, string meal, string mealValue, string day, string dayValue) =>
        TimesOf.Read(text).Should().Equal((meal, mealValue), (day, dayValue));

    [Theory]
    [InlineData("Ministers met on Friday. Talks resumed after lunch, an aide said.", "2024-12-13TMEL")]
    [InlineData("The match resumed after lunch, officials said.", "2024-12-16TMEL")]
    public void KeepsAMealWithNoDayNextToItOnTheDayBefore(string text, string value) =>
        Values(text).Should().Contain(value);

    [Theory]
    [InlineData("Riders rest after lunch on race days.")]
    [InlineData("Inmates are counted before dinner every night.")]
    public void ReadsNoDayForAMealTakenAsAHabit(string text) =>
        Values(text).Should().NotContain(v => v.EndsWith("TMEL") && v.StartsWith("2024") || v.EndsWith("TMED") && v.StartsWith("2024"));

    [Theory]
    [InlineData("The two actors began to date in 2019, a friend said.")]
    [InlineData("The pottery shards are hard to date, the curator said.")]
    [InlineData("Experts have yet to date the jawbone found in the cave.")]
    [InlineData("The lab was asked to date it before the trial.")]
    public void ReadsNoPresentRefForTheVerbToDate(string text) =>
        Values(text).Should().NotContain("PRESENT_REF");

    [Theory]
    [InlineData("Claims to date exceed $4 billion, the insurer said.")]
    [InlineData("It was the heaviest bombardment to date.")]
    [InlineData("Sales to date this year rose 5%.")]
    [InlineData("Losses to date top $3 billion, the insurer said.")]
    public void KeepsToDateAsTheIdiom(string text) =>
        Values(text).Should().Contain("PRESENT_REF");

    [Theory]
    [InlineData("At year-end, the insurer held $2 billion in bonds, it said on Tuesday.", "2024")]
    [InlineData("Deposits rose 3% by year end, the bank reported.", "2024")]
    [InlineData("The firm had pledged to sell the unit by year-end but failed.", "2024")]
    [InlineData("The firm will sell the unit by year-end, it said.", "2025")]
    public void ReadsAPastYearEndEarlyInAYearAsTheYearBefore(string text, string year) =>
        TimesOf.Read(text, new DateOnly(2025, 2, 20)).Should().Contain(t => t.Text.StartsWith("year") && t.Value == year);

    [Fact]
    public void KeepsAPastYearEndLateInAYearInThatYear() =>
        TimesOf.Read("Deposits rose 3% by year end, the bank reported.", new DateOnly(2025, 12, 20)).Should().Contain(t => t.Value == "2025");

    [Theory]
    [InlineData("Agents were to interview the witness at 10 a.m. Tuesday, but she left on Monday.", "2024-12-17T10:00")]
    [InlineData("The militia agreed to leave on Monday night but stayed on Tuesday.", "2024-12-16TNI")]
    [InlineData("The militia agreed to leave on Monday but stayed on Tuesday.", "2024-12-16")]
    [InlineData("The board had planned to vote Tuesday, but the chairman fell ill.", "2024-12-17")]
    public void KeepsAWeekdayAfterAPlanToldInThePastInThePast(string text, string value) =>
        TimesOf.Read(text, new DateOnly(2024, 12, 19)).Select(t => t.Value).Should().Contain(value);

    [Theory]
    [InlineData("The union is set to strike at 6 a.m. Monday.", "2024-12-23T06:00")]
    [InlineData("Talks are due to resume on Monday.", "2024-12-23")]
    public void StillPointsAheadAfterAPresentPlan(string text, string value) =>
        TimesOf.Read(text, new DateOnly(2024, 12, 19)).Select(t => t.Value).Should().Contain(value);

    [Theory]
    [InlineData("Today's cup final kicks off at 8 p.m.", "Today")]
    [InlineData("Today's World Cup final kicks off at 8 p.m.", "Today")]
    [InlineData("Today's youth tournament was cancelled because of rain.", "Today")]
    public void ReadsTodayBeforeANounThatNamesAThingAsTheDay(string text, string phrase) =>
        TimesOf.Read(text).Should().Contain((phrase, "2024-12-16"));

    [Theory]
    [InlineData("Drugs are a danger to today's youth, the minister said.")]
    [InlineData("In today's global economy, few firms stand alone.")]
    public void StillReadsTodayBeforeAnEraNounAsThePresentAge(string text) =>
        Values(text).Should().NotContain("2024-12-16");

    [Theory]
    [InlineData("Five May 2020 protesters were arrested.", "2020-05")]
    [InlineData("Three June 2021 rallies drew crowds.", "2021-06")]
    public void ReadsASpelledNumberBeforeAMonthAndANounAsACount(string text, string value) =>
        Values(text).Should().Equal(value);

    [Theory]
    [InlineData("Five May 2020 was a cold day.", "2020-05-05")]
    [InlineData("On five May 2020 rebels took the town.", "2020-05-05")]
    public void StillReadsASpelledDayBeforeAMonthAndYearAsTheDay(string text, string value) =>
        Values(text).Should().Contain(value);

    [Theory]
    [InlineData("The company aims to list its shares by year-end 2025.", "year-end 2025")]
    [InlineData("Rates should fall before year end 2026, analysts said.", "year end 2026")]
    public void KeepsTheEndOfANamedYear(string text, string phrase)
    {
        var times = TimesOf.Read(text);
        times.Should().ContainSingle(t => t.Text == phrase);
        times.Should().NotContain(t => t.Text.Length == 4 && char.IsAsciiDigit(t.Text[0]));
    }

    [Fact]
    public void ReadsAYearAfterAYearEndThingAsTheYear() =>
        TimesOf.Read("The year-end 2025 bonus was cut.").Should().NotContain(t => t.Text.StartsWith("year-end"));
}
