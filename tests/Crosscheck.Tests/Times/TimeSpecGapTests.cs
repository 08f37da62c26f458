using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>Rules added from the Recognizers-Text spec misses, each with ordinary news sentences nearby that must not change. Published 2024-12-16.</summary>
public class TimeSpecGapTests
{
    [Theory]
    [InlineData("The talks resumed on april 9th, officials said.", "april 9th", "2024-04-09")]
    [InlineData("The vote was moved to june 21st after the flood.", "june 21st", "2024-06-21")]
    public void ReadsALowerCaseMonthBeforeAnOrdinalDay(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // "may" and "march" in lower case stay verbs even before an ordinal.
    [InlineData("The runners may 2nd-guess the route.")]
    [InlineData("Bands march 3rd in the parade order.")]
    public void LeavesLowerCaseVerbsBeforeOrdinalsAlone(string text) => TimesOf.Read(text).Should().BeEmpty();
}

public class WeekdayWithDayOfMonthTests
{
    [Theory]
    [InlineData("Voting ends on Tuesday the 17th, officials said.", "Tuesday the 17th", "2024-12-17")]
    [InlineData("The strike began on Friday the 13th.", "Friday the 13th", "2024-12-13")]
    [InlineData("The court sits again on Thursday 9th January.", "Thursday 9th January", "2025-01-09")]
    [InlineData("Talks resume Tuesday the thirty first.", "Tuesday the thirty first", "2024-12-31")]
    public void ReadsTheDayOfMonthAfterAWeekday(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // Half a year around the reference reaches past the calendar's ends: those months are skipped, not a crash.
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void AReferenceAtTheEndsOfTheCalendarIsNoCrash(int year, int month, int day) =>
        TimesOf.Read("Voting ends on Tuesday the 17th.", new DateOnly(year, month, day)).Should().NotBeEmpty();

    [Fact]
    public void AClockAfterTheWeekdayAndDayIsOnThatDay() =>
        TimesOf.Read("The vote was held on Friday the 6th at 9 a.m.").Should().Equal(("Friday the 6th at 9 a.m.", "2024-12-06T09:00"));

    [Theory]
    // A bare number after the weekday is a count; an ordinal before a noun belongs to the noun.
    [InlineData("On Sunday 31 people were hurt.", "Sunday", "2024-12-15")]
    [InlineData("On Thursday the second round of talks began.", "Thursday", "2024-12-12")]
    [InlineData("On Monday the 3rd battalion moved north.", "Monday", "2024-12-16")]
    public void KeepsTheWeekdayAloneBeforeCountsAndNouns(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle().Which.Should().Be((span, value));
}

public class PartOfUnnamedDayTests
{
    [Fact]
    public void APartOfDayWithNoDayNamedIsThePublicationDays() =>
        TimesOf.Read("Crowds gathered in the morning.").Should().Equal(("the morning", "2024-12-16TMO"));

    [Fact]
    public void APartOfDayIsThatOfTheDayNamedJustBefore() =>
        TimesOf.Read("Police arrived on Tuesday. In the morning, crowds gathered.").Should().Equal(("Tuesday", "2024-12-10"), ("the morning", "2024-12-10TMO"));

    [Fact]
    public void ADayFarBackDoesNotLendItsDay() =>
        TimesOf.Read("Police arrived on Tuesday. The square was empty. Nobody spoke. In the evening, crowds gathered.")
            .Should().Equal(("Tuesday", "2024-12-10"), ("the evening", "2024-12-16TEV"));

    [Fact]
    public void AWeekdayTakesThePartAfterIt() =>
        TimesOf.Read("He left Tuesday in the evening.").Should().Equal(("Tuesday in the evening", "2024-12-10TEV"));

    [Fact]
    public void EarlyAndLateMarkThePart() =>
        TimesOf.Read("Crews worked until late evening.").Should().Equal(("late evening", "2024-12-16TEV"));

    [Theory]
    [InlineData("The morning papers carried the story.")]
    [InlineData("She said good evening to the crowd.")]
    [InlineData("He works the night shift in the city.")]
    [InlineData("They met in the evening news studio.")]
    public void LeavesPartsOfDayThatAreNotTimesAlone(string text) => TimesOf.Read(text).Should().BeEmpty();

    [Fact]
    public void LeavesTheMorningOfADateToTheDate() =>
        TimesOf.Read("Troops crossed in the morning of December 3.").Should().NotContain(t => t.Value.EndsWith("TMO", StringComparison.Ordinal));
}

public class MinutesPastTheHourTests
{
    [Theory]
    [InlineData("The polls closed at half past seven.", "half past seven", "2024-12-16T07:30")]
    [InlineData("The blast came at ten past nine in the evening.", "ten past nine in the evening", "2024-12-16T21:10")]
    [InlineData("Trading stopped at 20 minutes past 3 p.m. on Friday.", "20 minutes past 3 p.m. on Friday", "2024-12-13T15:20")]
    [InlineData("The ferry left at five past eight o'clock.", "five past eight o'clock", "2024-12-16T08:05")]
    public void ReadsMinutesPastTheHour(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // "past" as an adjective, and a count with no clock word before it.
    [InlineData("Two past presidents attended the funeral.")]
    [InlineData("She named ten past winners of the prize.")]
    [InlineData("Ten past champions and 9 newcomers entered.")]
    public void LeavesPastAsAnAdjectiveAlone(string text) => TimesOf.Read(text).Should().BeEmpty();

    [Fact]
    public void LeavesACountPastAnotherCountAsACount() =>
        TimesOf.Read("The march took 20 minutes past 5 checkpoints.").Should().Equal(("20 minutes", "PT20M"));
}

public class EarlierOrLaterInTheUnitTests
{
    [Theory]
    [InlineData("Prices rose earlier in the year, the bank said.", "earlier in the year", "2024")]
    [InlineData("Talks will resume later in the week.", "later in the week", "2024-W51")]
    [InlineData("The report is due later in the month.", "later in the month", "2024-12")]
    public void ReadsTheCurrentUnit(string text, string span, string value) =>
        TimesOf.Read(text).Should().Equal((span, value));

    [Theory]
    // TimeBank leaves "later in the day" alone; "earlier in the month of ..." names another month.
    [InlineData("Crowds left later in the day.")]
    [InlineData("Sales fell earlier in the month of Ramadan.")]
    [InlineData("He had spoken earlier in the debate.")]
    public void LeavesOtherPhrasesAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.StartsWith("earlier", StringComparison.Ordinal) || t.Text.StartsWith("later", StringComparison.Ordinal));
}

public class YearAfterOfTests
{
    [Theory]
    [InlineData("The plant opened on july 4th of 1995.", "july 4th of 1995", "1995-07-04")]
    [InlineData("Records from june of 1992 were lost.", "june of 1992", "1992-06")]
    public void ReadsALowerCaseMonthBeforeOfAndAYear(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // "may of" stays the verb's; "june of" without a year is no date.
    [InlineData("Voters may of course abstain.")]
    [InlineData("The june of their lives was short.")]
    public void LeavesOtherLowerCaseWordsAlone(string text) => TimesOf.Read(text).Should().BeEmpty();
}
