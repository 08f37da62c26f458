using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Ordinary news wording the spelled-day, clock, holiday, range and set rules must not turn into a date or a
/// clock time: for a fact-checking tool a wrong date is worse than a missed one.
/// </summary>
public class TimeRuleLimitTests
{
    private static IReadOnlyList<(string Text, string Value)> Times(string text) => TimesOf.Read(text);

    private static void Expect(string text, string[] expected)
    {
        var pairs = new List<(string, string)>();
        for (int i = 0; i + 1 < expected.Length; i += 2) pairs.Add((expected[i], expected[i + 1]));
        Times(text).Should().Equal(pairs);
    }

    // Review item 1: a spelled ordinal after a month is a day only when the phrase ends there.
    [Theory]
    [InlineData("Since July fourth quarter profits rose.", "July", "2024-07", "fourth quarter", "2024-Q4")]
    [InlineData("In April first responders were praised.", "April", "2024-04")]
    [InlineData("Since March third parties have joined.", "March", "2024-03")]
    [InlineData("By May second thoughts had set in.", "May", "2024-05")]
    [InlineData("On December 14, first responders arrived.", "December 14", "2024-12-14")]
    public void ReadsASpelledOrdinalBeforeANounWithTheNoun(string text, params string[] expected) => Expect(text, expected);

    [Theory]
    [InlineData("In June fifth graders sat the test.")]
    [InlineData("In June first lady Jill Biden spoke.")]
    public void ReadsOnlyTheMonthBeforeASpelledOrdinalAndItsNoun(string text) =>
        Times(text).Should().ContainSingle().Which.Should().Match<(string Text, string Value)>(t => t.Text == "June" && t.Value.EndsWith("-06"));

    [Theory]
    [InlineData("Fireworks lit the sky on July fourth.", "July fourth", "2024-07-04")]
    [InlineData("The parade will be held on July fourth, officials said.", "July fourth", "2025-07-04")]
    [InlineData("The town marked January first 1990 with bells.", "January first 1990", "1990-01-01")]
    public void ReadsASpelledOrdinalThatEndsThePhraseAsTheDay(string text, params string[] expected) => Expect(text, expected);

    // Review item 2: a number after "Friday at" / "today at" is a price or a rate unless it ends the sentence as a clock.
    [Theory]
    [InlineData("Shares closed Friday at 9.50 euros.", "Friday", "2024-12-13")]
    [InlineData("Inflation was reported Wednesday at 3.20 percent.", "Wednesday", "2024-12-11")]
    [InlineData("The pound traded today at 1.25 against the dollar.", "today", "2024-12-16")]
    [InlineData("The index closed Friday at 8, up 2 percent.", "Friday", "2024-12-13")]
    [InlineData("The index closed Friday at 8.30 points.", "Friday", "2024-12-13")]
    public void LeavesAPriceOrRateAfterADayAndAtAlone(string text, params string[] expected) => Expect(text, expected);

    [Fact]
    public void LeavesABareHourAfterAWeekdayToTheWeekday() => Expect("The count resumed on Saturday at 5.", ["Saturday", "2024-12-14"]);

    // Review item 3: a part of the day before "at" gives the hour its half of the day, in one expression.
    [Theory]
    [InlineData("Tonight at 9.", "Tonight at 9", "2024-12-16T21:00")]
    [InlineData("See you this evening at 7.30.", "this evening at 7.30", "2024-12-16T19:30")]
    [InlineData("The talks resume tomorrow morning at 8.", "tomorrow morning at 8", "2024-12-17T08:00")]
    public void PutsAnHourAfterAPartOfTheDayInThatHalf(string text, params string[] expected) => Expect(text, expected);

    // Review item 4: a lower-case two-word holiday name needs a time word, a year or last/next.
    [Theory]
    [InlineData("Ukraine's independence day is August 24.", "August 24", "2024-08-24")]
    [InlineData("Israel marks its independence day in spring.", "spring", "2024-SP")]
    [InlineData("Crowds lined Mexico's independence day parade.")]
    [InlineData("We celebrate our own independence day.")]
    [InlineData("It felt like a second independence day for the country.")]
    [InlineData("He said the election was a victory day for democracy.")]
    [InlineData("The launch turned into a new year's eve of sorts.")]
    public void LeavesALowerCaseHolidayNameWithoutATimeWordAlone(string text, params string[] expected) => Expect(text, expected);

    [Theory]
    [InlineData("The shops closed before independence day.", "independence day", "2024-07-04")]
    [InlineData("The museum has been shut since independence day.", "independence day", "2024-07-04")]
    [InlineData("Fireworks are banned on new year's eve.", "new year's eve", "2024-12-31")]
    public void ReadsALowerCaseHolidayNameAfterATimeWord(string text, params string[] expected) => Expect(text, expected);

    // Review item 5: only a range crosses the new year; a list shares the year as written.
    [Theory]
    [InlineData("Sales rose in November and February 2017.", "November", "2017-11", "February 2017", "2017-02")]
    [InlineData("On March 3 and February 2, 2017, it snowed.", "March 3", "2017-03-03", "February 2, 2017", "2017-02-02")]
    [InlineData("The survey ran between November and February 2017.", "November", "2016-11", "February 2017", "2017-02")]
    [InlineData("The survey covered November to February 2023.", "November", "2022-11", "February 2023", "2023-02")]
    public void GivesAListTheWrittenYearAndARangeTheYearBefore(string text, params string[] expected) => Expect(text, expected);

    // Review item 6: "N days from <day>" starting a range, or after "for", is a duration, not a moved day.
    [Theory]
    [InlineData("He was jailed for two weeks from Monday.", "two weeks", "P2W", "Monday", "2024-12-16")]
    [InlineData("She stayed two weeks from Christmas to New Year.", "two weeks", "P2W", "Christmas", "2024-12-25")]
    public void KeepsADurationBeforeARangeOrAfterForApart(string text, params string[] expected) => Expect(text, expected);

    [Fact]
    public void KeepsADurationBeforeARangeOfWeekdaysApart()
    {
        var times = Times("He worked three days from Monday to Wednesday.");
        times.Should().Contain(("three days", "P3D"));
        times.Select(t => t.Value).Should().NotContain("2024-12-19");
    }

    // Review item 7: "N in the morning" is a clock only after a clock word (a bare part of the day is no time expression here).
    [Theory]
    [InlineData("Police arrested 12 in the morning and 9 at night.")]
    [InlineData("He takes 2 in the morning and 2 at night.")]
    [InlineData("Five people died, 3 in the morning.")]
    [InlineData("The team scored 3 in the afternoon session.")]
    public void LeavesACountBeforeAPartOfTheDayAlone(string text) => Times(text).Should().BeEmpty();

    // Review item 8.
    [Theory]
    [InlineData("He was once a day trader.")]
    [InlineData("She came once a week away from death.")]
    [InlineData("The Bears lost in week 5.")]
    [InlineData("The fund closes in week 31.")]
    public void LeavesOnceANounAndASeasonWeekAlone(string text) => Times(text).Should().BeEmpty();

    [Theory]
    [InlineData("The council meets once a month.", "once a month", "P1M")]
    [InlineData("Inspectors call twice a year to check.", "twice a year", "P1Y")]
    [InlineData("The fund closes in week 31 of 2025.", "week 31 of 2025", "2025-W31")]
    public void ReadsFrequenciesAndWeeksWithTheirYear(string text, params string[] expected) => Expect(text, expected);

    [Fact]
    public void KeepsAChainOfIncreasingYears() =>
        Expect("The 2010-2012-2014 campaigns failed.", ["2010", "2010", "2012", "2012", "2014", "2014"]);

    [Fact]
    public void LeavesTwoLetterWordsStartingWithHOrQAlone() => Times("He is here, he said, on hq grounds.").Should().BeEmpty();
}
