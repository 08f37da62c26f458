using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>Dates written with a month's name glued to their numbers by hyphens or slashes, and the words that look alike. Published 2024-12-16.</summary>
public class GluedMonthDateTests
{
    [Theory]
    [InlineData("The budget for Dec-2018 was cut.", "Dec-2018", "2018-12")]
    [InlineData("The form was filed on Sep-23-2020.", "Sep-23-2020", "2020-09-23")]
    [InlineData("The form was filed on September-2020-23.", "September-2020-23", "2020-09-23")]
    [InlineData("The ledger shows 05-Aug-2016 as the payment day.", "05-Aug-2016", "2016-08-05")]
    [InlineData("The ledger shows 2019-aug-01 as the payment day.", "2019-aug-01", "2019-08-01")]
    [InlineData("The ledger shows 2019/aug/01 as the payment day.", "2019/aug/01", "2019-08-01")]
    [InlineData("The ledger shows 22/Jan/2019 as the payment day.", "22/Jan/2019", "2019-01-22")]
    [InlineData("The budget for Dec/2018 was cut.", "Dec/2018", "2018-12")]
    [InlineData("The parcel left on Oct/2 by road.", "Oct/2", "2024-10-02")]
    public void ReadsAMonthNameGluedToItsNumbers(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // A month-like part beside words, two days or two years, or an impossible day is no date.
    [InlineData("The F-16 flew over Mar-a-Lago on patrol.")]
    [InlineData("Aid workers on call 24/7 said the May-be list was long.")]
    [InlineData("The Jun-45 code was rejected.")]
    [InlineData("The Dec-12-14 batch was recalled.")]
    [InlineData("The Dec-2018-2019 file was lost.")]
    public void LeavesLookAlikesAlone(string text) => TimesOf.Read(text).Should().BeEmpty();

    [Fact]
    public void AnImpossibleGluedDateGivesNoValue() =>
        TimesOf.Read("The ledger shows Feb-30-2019 as the payment day.").Should().BeEmpty();
}

public class ShortWeekdayWithDayTests
{
    [Theory]
    [InlineData("The hearing is on Mon 13th, the clerk wrote.", "Mon 13th", "2025-01-13")]
    [InlineData("The hearing is on Fri 13th.", "Fri 13th", "2024-12-13")]
    [InlineData("The hearing is on Sat 14th.", "Sat 14th", "2024-12-14")]
    [InlineData("The hearing is on tues the 17th.", "tues the 17th", "2024-12-17")]
    [InlineData("The hearing is on tues the 17th 7pm.", "tues the 17th 7pm", "2024-12-17T19:00")]
    public void ReadsAnUndottedAbbreviationBeforeADayOfTheMonth(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // A weekday abbreviation that is also a word, with no capital or opening the sentence, stays the word; none counts without a day.
    [InlineData("The club sat 14th in the table.")]
    [InlineData("Sat 14th in the table, the club sacked its coach.")]
    [InlineData("They wed the 2nd son of the mayor.")]
    [InlineData("The Sun 3rd edition sold out.")]
    [InlineData("Mon ami said the Fri team won.")]
    public void LeavesWordsAndBareAbbreviationsAlone(string text) => TimesOf.Read(text).Should().BeEmpty();
}

public class BareHourRangeOnADayTests
{
    [Theory]
    [InlineData("The office is open Monday 9-11.", "Monday 9", "2024-12-16T09:00", "11", "2024-12-16T11:00")]
    [InlineData("The clinic is open Monday 11-4.", "Monday 11", "2024-12-16T11:00", "4", "2024-12-16T16:00")]
    [InlineData("The minister will be available Tuesday 9-11.", "Tuesday 9", "2024-12-17T09:00", "11", "2024-12-17T11:00")]
    [InlineData("Roads were closed between 3 and 8 yesterday.", "3", "2024-12-15T03:00", "8 yesterday", "2024-12-15T08:00")]
    [InlineData("Roads were shut between 3 and 8 yesterday.", "3", "2024-12-15T03:00", "8 yesterday", "2024-12-15T08:00")]
    [InlineData("Shots were heard between 7 and 9 last night.", "7", "2024-12-15T19:00", "9 last night", "2024-12-15T21:00")]
    public void ReadsTwoBareHoursBesideADayAsAClockRange(string text, string firstText, string firstValue, string secondText, string secondValue) =>
        TimesOf.Read(text).Should().Equal((firstText, firstValue), (secondText, secondValue));

    [Theory]
    // Scores, votes, counts, forecasts and rates beside a day are not hours, whichever side the day stands on.
    [InlineData("Arsenal won 2-1 on Saturday.")]
    [InlineData("The hosts drew 0-0 on Monday.")]
    [InlineData("The champions beat them 3-1 Saturday.")]
    [InlineData("The Supreme Court ruled Monday, 7-2.")]
    [InlineData("Germany beat Brazil on Tuesday, 7-1.")]
    [InlineData("The Yankees beat the Red Sox on Sunday, 8-5.")]
    [InlineData("The council rejected it Tuesday, 4-5.")]
    [InlineData("The court ruled Monday 6-3.")]
    [InlineData("The Senate voted on Thursday 9-8.")]
    [InlineData("Police arrested between 10 and 12 yesterday.")]
    [InlineData("Police detained between 4 and 9 on Sunday.")]
    [InlineData("Highs will be between 3 and 8 tomorrow.")]
    [InlineData("The death toll rose to between 20 and 23 yesterday.")]
    [InlineData("Temperatures were between 2 and 6 on Monday.")]
    [InlineData("Unemployment fell from 8 to 7 on Monday.")]
    [InlineData("The index rose from 3 to 8 yesterday.")]
    [InlineData("On Monday 3-8 people a day were admitted.")]
    public void LeavesScoresVotesCountsAndRatesAlone(string text) =>
        TimesOf.Read(text).Should().OnlyContain(t => !t.Value.Contains('T'));
}

public class CompoundSpelledDayTests
{
    [Theory]
    [InlineData("The vote is set for February twenty second.", "February twenty second", "2025-02-22")]
    [InlineData("The vote is set for February twenty-second.", "February twenty-second", "2025-02-22")]
    [InlineData("The vote was held on May twenty nine, officials said.", "May twenty nine", "2024-05-29")]
    [InlineData("The vote was held on March thirty first.", "March thirty first", "2024-03-31")]
    [InlineData("The vote is set for february twenty second at 3:30 p.m.", "february twenty second at 3:30 p.m.", "2025-02-22T15:30")]
    public void ReadsADaySpokenAsTensAndUnitsAfterAMonth(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // A spoken number after a month that counts a noun stays a count; no 32nd day exists.
    [InlineData("In May twenty nine soldiers were hurt.", "May", "2024-05")]
    [InlineData("In March twenty-two villages flooded.", "March", "2024-03")]
    [InlineData("In March thirty two villages flooded.", "March", "2024-03")]
    public void LeavesCountsAfterAMonthAlone(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle().Which.Should().Be((span, value));
}

public class ChatMeridiemTests
{
    [Theory]
    [InlineData("Call me today at 9a.", "today at 9a", "2024-12-16T09:00")]
    [InlineData("Call me tomorrow at 8:45p.", "tomorrow at 8:45p", "2024-12-17T20:45")]
    [InlineData("The briefing starts at 8p.m. sharp.", "8p.m.", "2024-12-16T20:00")]
    public void ReadsAMeridiemCutToOneLetter(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // A number glued to one letter is a clause, a road or an address unless "at" and the sentence's end say clock.
    [InlineData("Under Article 9a the court may rule.")]
    [InlineData("The crash closed Route 3p near the border.")]
    [InlineData("They met at 9a Baker Street.")]
    [InlineData("Section 12a was struck out at 4a committee.")]
    public void LeavesNumberedClausesAndAddressesAlone(string text) => TimesOf.Read(text).Should().BeEmpty();
}

public class WeekdaysInANamedWeekTests
{
    [Fact]
    public void EveryWeekdayOfAListAfterTheWeekFallsInThatWeek() =>
        TimesOf.Read("Talks resume next week on Tuesday or Thursday.").Should().Equal(("next week on Tuesday", "2024-12-24"), ("Thursday", "2024-12-26"));

    [Fact]
    public void AWeekdayWithItsClockAfterTheWeekFallsInThatWeek() =>
        TimesOf.Read("Talks resume next week on Tuesday 9 am or Thursday 1 pm.").Should().Equal(("next week on Tuesday 9 am", "2024-12-24T09:00"), ("Thursday 1 pm", "2024-12-26T13:00"));

    [Fact]
    public void APartOfAWeekdayBeforeTheWeekFallsInThatWeek() =>
        TimesOf.Read("Talks resume Wednesday evening next week.").Should().Equal(("Wednesday evening next week", "2024-12-25TEV"));

    [Fact]
    // A weekday in another clause keeps its own reading.
    public void AWeekdayAfterAnotherWordIsNotPulledIntoTheWeek() =>
        TimesOf.Read("Talks resume next week, officials said on Tuesday.").Should().Contain(("Tuesday", "2024-12-10"));
}

public class ClockAfterAnUnnamedPartOfDayTests
{
    [Fact]
    public void TheHourAfterAnAfternoonIsInTheAfternoon() =>
        TimesOf.Read("The envoy arrives in the afternoon at 7.").Should().Equal(("the afternoon at 7", "2024-12-16T19:00"));

    [Fact]
    public void TheClockTakesTheDayNamedBefore() =>
        TimesOf.Read("Police arrived on Tuesday. The crowd left in the morning at 7.")
            .Should().Equal(("Tuesday", "2024-12-10"), ("the morning at 7", "2024-12-10T07:00"));

    [Fact]
    // An address after "at" is no hour: the part of the day stays alone.
    public void AnAddressAfterThePartOfDayIsNoClock() =>
        TimesOf.Read("They met in the morning at 7 Downing Street.").Should().Equal(("the morning", "2024-12-16TMO"));
}

public class CountBeforeItsDirectionTests
{
    [Theory]
    [InlineData("Prices rose in the 5 past years.", "the 5 past years", "P5Y")]
    [InlineData("Rain is due in the 2 upcoming days.", "the 2 upcoming days", "P2D")]
    [InlineData("Talks stalled in the 10 previous weeks.", "the 10 previous weeks", "P10W")]
    public void ReadsTheCountBeforeUpcomingOrPastAsTheDuration(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // Without "the", or before a noun that is no unit, the words are no time.
    [InlineData("The 5 past presidents met.")]
    [InlineData("Voters chose 3 next leaders.")]
    public void LeavesOtherCountsAlone(string text) => TimesOf.Read(text).Should().BeEmpty();
}
