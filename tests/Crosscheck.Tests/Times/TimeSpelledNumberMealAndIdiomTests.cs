using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Rules for spelled numbers, meals and set phrases (spelled day ranges, meal times, present-moment idioms, fractions after "and", prices
/// before a month, half-yearly sets, clock ranges "of" a day, short months after a day, spoken cardinal days), each
/// with a sentence where it fires and a near miss where it must not. Invented news sentences, published 2024-12-16.
/// </summary>
public class TimeSpelledNumberMealAndIdiomTests
{
    private static IReadOnlyList<(string Text, string Value)> Times(string text) => TimesOf.Read(text);

    private static IEnumerable<string> Values(string text) => Times(text).Select(t => t.Value);

    [Theory]
    [InlineData("The festival runs April ninth through seventeenth, organisers said.", "April ninth", "April ninth", "seventeenth")]
    [InlineData("The festival runs April 9th through seventeenth, organisers said.", "April 9th", "April 9th", "seventeenth")]
    [InlineData("Roads will close from the ninth till the seventeenth of April.", "ninth", "ninth", "seventeenth of April")]
    [InlineData("Roads will close between the ninth and the seventeenth of April.", "ninth", "ninth", "seventeenth of April")]
    [InlineData("Roads will close from April the ninth till the seventeenth.", "April the ninth", "April the ninth", "seventeenth")]
    public void ReadsASpelledDayRangeAsTwoDaysOfTheMonth(string text, string firstText, params string[] parts)
    {
        var times = Times(text);
        times.Should().HaveCount(2);
        times[0].Text.Should().Contain(firstText);
        times[0].Value.Should().EndWith("-04-09");
        times[1].Text.Should().EndWith(parts[^1]);
        times[1].Value.Should().EndWith("-04-17");
        times[0].Value[..4].Should().Be(times[1].Value[..4]);
    }

    [Theory]
    [InlineData("In April fifth graders and seventh graders sat the test.")]
    [InlineData("The ninth and tenth seeds advanced on Sunday.")]
    public void ReadsNoSpelledDayRangeWithoutAMonthOrARangeWord(string text) =>
        Values(text).Should().NotContain(v => v.EndsWith("-04-05") || v.EndsWith("-04-07") || v.EndsWith("-09") || v.EndsWith("-10"));

    [Theory]
    [InlineData("The ministers will meet after lunch tomorrow.", "lunch", "2024-12-17TMEL")]
    [InlineData("Talks resumed after dinner, a spokesman said.", "dinner", "2024-12-16TMED")]
    [InlineData("The vote is expected before breakfast on Friday.", "breakfast", "2024-12-20TMEB")]
    [InlineData("Crowds gathered at lunchtime, police said.", "lunchtime", "2024-12-16TMEL")]
    public void ReadsAMealAfterATimePrepositionAsAPartOfTheDay(string text, string meal, string value) =>
        Times(text)[0].Should().Be((meal, value));

    [Theory]
    [InlineData("The senator spoke at a dinner for donors.")]
    [InlineData("The mayor gave one of his after dinner speeches.")]
    [InlineData("Protesters sat at lunch counters across the city.")]
    [InlineData("They discussed the plan over lunch with the envoy.")]
    [InlineData("The charity served lunch to 300 people.")]
    public void ReadsNoMealThatIsAnEventOrANounModifier(string text) =>
        Values(text).Should().NotContain(v => v.EndsWith("TMEL") || v.EndsWith("TMED") || v.EndsWith("TMEB"));

    [Theory]
    [InlineData("At present, no charges have been filed.", "At present")]
    [InlineData("The company has sold 4,000 units to date.", "to date")]
    [InlineData("Officials are working on it at the present time.", "at the present time")]
    public void ReadsAPresentMomentIdiomAsPresentRef(string text, string idiom) =>
        Times(text).Should().Contain((idiom, "PRESENT_REF"));

    [Theory]
    [InlineData("Officials say the records are up to date.")]
    [InlineData("Prices stayed at present levels through the winter.")]
    [InlineData("The form asks users to date from the day of birth.")]
    public void ReadsNoPresentMomentIdiomInsideAnotherPhrase(string text) =>
        Values(text).Should().NotContain("PRESENT_REF");

    [Theory]
    [InlineData("The internship lasts one year and a quarter, the firm said.", "P1Y3M")]
    [InlineData("One hour and half is enough for the hearing.", "PT1H30M")]
    public void AddsAFractionAfterAndToItsDuration(string text, string value) =>
        Values(text).Should().Contain(value);

    [Theory]
    [InlineData("The team spent two hours and half the budget on repairs.", "PT2H")]
    [InlineData("It took a year and a quarter of the staff to finish.", "P1Y")]
    public void LeavesAFractionOfSomethingElseOutOfTheDuration(string text, string value) =>
        Values(text).Should().Contain(value);

    [Fact]
    public void ReadsNoDayFromAPriceBeforeAMonth()
    {
        var times = Times("She paid $12 December 27 for the ticket.");
        times.Should().ContainSingle().Which.Text.Should().Be("December 27");
        Times("She paid on 12 December for the ticket.").Should().ContainSingle().Which.Value.Should().EndWith("-12-12");
    }

    [Fact]
    public void ReadsHalfYearlyAndTwoMonthlySets()
    {
        Values("Rates are reviewed semi-annually by the board.").Should().Contain("P0.5Y");
        Values("The bimonthly magazine printed its last issue.").Should().Contain("P2M");
        Values("A semifinal was played in Madrid.").Should().NotContain("P0.5Y");
    }

    [Fact]
    public void PutsAClockRangeOnTheDayAfterOf()
    {
        var times = Times("The polls are open from 5 to 8pm of April 22, officials said.");
        times.Select(t => t.Value).Should().Contain(v => v.EndsWith("-04-22T17:00")).And.Contain(v => v.EndsWith("-04-22T20:00"));
    }

    [Fact]
    public void ReadsAShortMonthAfterADayAndAPreposition()
    {
        Values("The summit opens on 14 nov in Geneva.").Should().Contain(v => v.EndsWith("-11-14"));
        Times("Group 14 Jan said it would appeal.").Should().BeEmpty();
    }

    [Fact]
    public void ReadsASpokenCardinalDayBeforeADatedMonth()
    {
        Values("She was born on twenty five January nineteen eighty six.").Should().Contain("1986-01-25");
        Values("On fifteen August 1993, the plant opened.").Should().Contain("1993-08-15");
        Values("A dozen January 2020 protests were counted.").Should().NotContain(v => v.StartsWith("2020-01-") && v.Length == 10);
        Values("Police counted five March 2021 rallies.").Should().NotContain("2021-03-05");
    }
}
