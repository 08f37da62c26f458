using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>Ranges of months, days and hours, month names in lower case, clock times with seconds or a part of the day, weekdays with their week, sets, and days moved by a duration.</summary>
public class TimeRangeRuleTests
{
    private static IReadOnlyList<(string Text, string Value)> Times(string text) => TimesOf.Read(text);

    [Theory]
    [InlineData("The dig lasted from april to june.", "april", "2024-04", "june", "2024-06")]
    [InlineData("Trials went on between august and october.", "august", "2024-08", "october", "2024-10")]
    [InlineData("The ferry sailed from March to May.", "March", "2024-03", "May", "2024-05")]
    [InlineData("The fair runs from May to October 2026.", "May", "2026-05", "October 2026", "2026-10")]
    [InlineData("The survey covered November to February 2023.", "November", "2022-11", "February 2023", "2023-02")]
    [InlineData("Shops closed Nov. 28 - Dec. 3, 2019.", "Nov. 28", "2019-11-28", "Dec. 3, 2019", "2019-12-03")]
    [InlineData("The harbour was shut 9 to 12 of June.", "9", "2024-06-09", "12 of June", "2024-06-12")]
    [InlineData("Rain fell between 3 and 5 September 2021.", "3", "2021-09-03", "5 September 2021", "2021-09-05")]
    [InlineData("The camp was open april 9 through 17.", "april 9", "2024-04-09", "17", "2024-04-17")]
    public void ReadsBothEndsOfARange(string text, string first, string firstValue, string second, string secondValue)
    {
        Times(text).Should().Equal((first, firstValue), (second, secondValue));
    }

    [Theory]
    [InlineData("This may or may not help.")]
    [InlineData("This may take a while.")]
    [InlineData("The scouts march 20 miles.")]
    [InlineData("An august body met at noon.", "noon")]
    public void LeavesLowerCaseVerbsAndAdjectivesAlone(string text, string? only = null)
    {
        var times = Times(text);
        if (only is null) times.Should().BeEmpty();
        else times.Should().ContainSingle().Which.Text.Should().Be(only);
    }

    [Theory]
    [InlineData("The shop opens 8 to 11am.", "8", "2024-12-16T08:00", "11am", "2024-12-16T11:00")]
    [InlineData("The shelter is staffed 6 to 9 p.m.", "6", "2024-12-16T18:00", "9 p.m.", "2024-12-16T21:00")]
    public void ReadsABareHourBeforeAClockWithItsHalfOfTheDay(string text, string first, string firstValue, string second, string secondValue)
    {
        Times(text).Should().Equal((first, firstValue), (second, secondValue));
    }

    [Fact]
    public void LeavesAScoreOfTwoNumbersAlone() => Times("The vote went 5 to 4 in the end.").Should().BeEmpty();

    [Theory]
    [InlineData("The blast came at 3 in the morning.", "3 in the morning", "2024-12-16T03:00")]
    [InlineData("The sirens sounded at 10 at night.", "10 at night", "2024-12-16T22:00")]
    [InlineData("The ferry docks at 5 in the afternoon.", "5 in the afternoon", "2024-12-16T17:00")]
    [InlineData("The finish was timed at 7:56:30 pm.", "7:56:30 pm", "2024-12-16T19:56:30")]
    public void ReadsClockTimesWithTheirPartOfDayOrSeconds(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Theory]
    [InlineData("The talks resume on Tuesday of next week.", "Tuesday of next week", "2024-12-24")]
    [InlineData("They will meet next week on Thursday.", "next week on Thursday", "2024-12-26")]
    [InlineData("The panel sat this week, Monday.", "this week, Monday", "2024-12-16")]
    public void ReadsAWeekdayAndItsWeekAsOneExpression(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Fact]
    public void KeepsAListOfWeekdaysApartFromItsWeek()
    {
        Times("They will meet Monday and Tuesday next week.").Should().Equal(("Monday", "2024-12-23"), ("Tuesday", "2024-12-24"), ("next week", "2024-W52"));
    }

    [Theory]
    [InlineData("The train left at 8.30pm today.", "8.30pm today", "2024-12-16T20:30")]
    [InlineData("Doors open at 7.15 pm.", "7.15 pm", "2024-12-16T19:15")]
    [InlineData("The count will resume Tuesday at 9.45.", "Tuesday at 9.45", "2024-12-17T09:45")]
    [InlineData("The count resumed on Saturday evening at 5.", "Saturday evening at 5", "2024-12-14T17:00")]
    public void ReadsDottedClocksAndAnHourAfterItsDay(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Theory]
    [InlineData("Shares closed at 2.30 after a slide.")]
    [InlineData("The index rose 6.45 points.")]
    public void LeavesDecimalNumbersAlone(string text) => Times(text).Should().BeEmpty();

    [Theory]
    [InlineData("Crews worked yesterday afternoon from 3 to 8pm.", "yesterday afternoon from 3", "2024-12-15T15:00", "8pm", "2024-12-15T20:00")]
    [InlineData("The road will shut between 6 and 9am next Monday.", "6", "2024-12-23T06:00", "9am next Monday", "2024-12-23T09:00")]
    [InlineData("Polls opened from 7:30 to 10:00 on 3/4/2021.", "7:30", "2021-03-04T07:30", "10:00 on 3/4/2021", "2021-03-04T10:00")]
    public void PutsAClockRangeOnItsDay(string text, string first, string firstValue, string second, string secondValue)
    {
        Times(text).Should().Equal((first, firstValue), (second, secondValue));
    }

    [Theory]
    [InlineData("The council meets once a month.", "once a month", "P1M")]
    [InlineData("Inspectors call twice a year.", "twice a year", "P1Y")]
    [InlineData("Buses run every other day.", "every other day", "P2D")]
    [InlineData("The market opens every other Friday.", "every other Friday", "XXXX-WXX-5")]
    [InlineData("Patrols go out every night.", "every night", "XXXX-XX-XXTNI")]
    [InlineData("The bell rings every evening at 6 p.m.", "every evening at 6 p.m.", "XXXX-XX-XXT18:00")]
    [InlineData("The ferry leaves every day at 7:15 am.", "every day at 7:15 am", "XXXX-XX-XXT07:15")]
    [InlineData("The ferry leaves 8am each day.", "8am each day", "XXXX-XX-XXT08:00")]
    [InlineData("The clinic is shut on Sundays.", "Sundays", "XXXX-WXX-7")]
    [InlineData("The choir sings Thursdays at 8pm.", "Thursdays at 8pm", "XXXX-WXX-4T20:00")]
    public void ReadsSets(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Theory]
    [InlineData("Sales fell in 2017 Q1.", "2017 Q1", "2017-Q1")]
    [InlineData("Sales fell in 2017-q3.", "2017-q3", "2017-Q3")]
    [InlineData("Sales fell in q2 2018.", "q2 2018", "2018-Q2")]
    [InlineData("Margins shrank in 2019 H2.", "2019 H2", "2019-H2")]
    [InlineData("Margins shrank in H1 2020.", "H1 2020", "2020-H1")]
    [InlineData("The pilot married on 28 June in 2012.", "28 June in 2012", "2012-06-28")]
    [InlineData("The fort fell on July 4th of 1863.", "July 4th of 1863", "1863-07-04")]
    public void ReadsPartsOfYearsAndYearsAfterDates(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Theory]
    [InlineData("The tank held H2 under pressure.")]
    [InlineData("The H1 team won.")]
    public void LeavesHalvesWithoutAYearAlone(string text) => Times(text).Should().BeEmpty();

    [Fact]
    public void GivesARangeOfMonthsTheYearAfterIt()
    {
        Times("Exports grew from april to June in 2017.").Should().Equal(("april", "2017-04"), ("June in 2017", "2017-06"));
    }

    [Theory]
    [InlineData("The ship sailed two weeks before Christmas.", "two weeks before Christmas", "2024-12-11")]
    [InlineData("The court will rule 3 days after January 12.", "3 days after January 12", "2025-01-15")]
    [InlineData("The results will come four months from tomorrow.", "four months from tomorrow", "2025-04-17")]
    public void MovesADayByADuration(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Fact]
    public void KeepsADurationBeforeAnEventThatIsNoDay()
    {
        Times("The polls closed two weeks before the vote.").Should().Equal(("two weeks", "P2W"));
    }

    [Theory]
    [InlineData("The town marked January first 1990 with bells.", "January first 1990", "1990-01-01")]
    [InlineData("Parades filled the streets on the fourth of July, 1976.", "fourth of July, 1976", "1976-07-04")]
    [InlineData("The vote took place on Friday 2021-7-9.", "Friday 2021-7-9", "2021-07-09")]
    public void ReadsSpelledDaysAndAWeekdayBeforeANumericDate(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Fact]
    public void LeavesAnOrdinalWithoutOfAlone()
    {
        Times("The third round of talks ended.").Should().BeEmpty();
    }

    [Theory]
    [InlineData("Readers can call the desk on 212-2019-2020.")]
    [InlineData("The parcel code is 44-05-07-2021.")]
    public void LeavesYearsInsidePhoneNumbersAndCodesAlone(string text) => Times(text).Should().BeEmpty();

    [Fact]
    public void KeepsAHyphenatedRangeOfYears()
    {
        Times("The 2014-2018 plan lapsed.").Should().Equal(("2014", "2014"), ("2018", "2018"));
    }

    [Theory]
    [InlineData("Output fell in the first week of 2021.", "the first week of 2021", "2021-W01")]
    [InlineData("Sales peaked in the last week of 2015.", "the last week of 2015", "2015-W53")]
    [InlineData("The fund closes in week 31 of 2025.", "week 31 of 2025", "2025-W31")]
    [InlineData("Talks resume in the 3rd week of next year.", "the 3rd week of next year", "2025-W03")]
    public void ReadsIsoWeeksOfAYear(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Fact]
    public void LeavesAWeekOfSomethingElseAlone() => Times("Strikers marched in week 2 of the strike.").Should().BeEmpty();

    [Theory]
    [InlineData("The shops closed before independence day.", "independence day", "2024-07-04")]
    [InlineData("The choir sang last easter.", "last easter", "2024-03-31")]
    [InlineData("Crowds gathered on easter 2019.", "easter 2019", "2019-04-21")]
    public void ReadsHolidayNamesInLowerCase(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Fact]
    public void LeavesALowerCaseOneWordHolidayAloneWithoutAYearOrRelativeWord() => Times("The easter egg hunt drew crowds.").Should().BeEmpty();

    [Theory]
    [InlineData("The strike started on the 4th.", "4th", "2024-12-04")]
    [InlineData("The vote will be held on the 2nd.", "2nd", "2025-01-02")]
    [InlineData("The strike started on the 20th.", "20th", "2024-11-20")]
    public void ReadsADayOfTheMonthAlone(string text, string span, string value)
    {
        Times(text).Should().Equal((span, value));
    }

    [Fact]
    public void LeavesANumberedThingAlone() => Times("They live on the 18th floor.").Should().BeEmpty();
}
