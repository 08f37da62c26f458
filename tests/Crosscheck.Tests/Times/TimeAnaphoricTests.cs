using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>"the following year", "the previous day": counted from the date the text named last, else from the publication (2024-12-16).</summary>
public class TimeAnaphoricTests
{
    [Theory]
    [InlineData("The plant opened in 1995. The following year it closed.", "The following year", "1996")]
    [InlineData("The strike began on March 3, 2021, and ended the following month.", "the following month", "2021-04")]
    [InlineData("She was arrested on May 2, 2019, and charged the following day.", "the following day", "2019-05-03")]
    [InlineData("Exports reached a record in 2010, up from the previous year.", "the previous year", "2009")]
    public void CountsFromTheNamedDate(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // Nothing named before: the publication date is the anchor.
    [InlineData("Profits will recover the following year, the chairman said.", "the following year", "2025")]
    // The year named last (2019, not the publication's) is the anchor, in the sentence before.
    [InlineData("The bank was founded in 2019. In the previous year it had no licence.", "the previous year", "2018")]
    // "next" and "last" keep counting from the publication, whatever the text named before.
    [InlineData("The law passed in 1998. Elections are due next year.", "next year", "2025")]
    // A date inside an appositive is an aside, not the anchor.
    [InlineData("Jones, born in 1961, was named chief executive. He will step down the following year.", "the following year", "2025")]
    // A date two sentences back is too far.
    [InlineData("The mill opened in 1970. It employs 300 people. The following year will bring new owners.", "The following year", "2025")]
    // A comparison inside a later sentence is with the publication's year, not a date told before.
    [InlineData("The firm's chief, 61, joined in 1988. Profit rose 12% from the previous year, the firm said.", "the previous year", "2023")]
    public void KeepsThePublicationAnchorOtherwise(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    // "the previous year" does not become the anchor, so "the following year" still counts from 2010.
    public void DoesNotDriftAlongAChain() =>
        TimesOf.Read("Exports reached a record in 2010, up from the previous year. The following year they fell.")
            .Should().Contain(("The following year", "2011"));

    [Fact]
    // A year names no day, so "the following day" is left unresolved rather than put on the publication.
    public void NeedsANamedDateAsFineAsTheUnit() =>
        TimesOf.Read("The firm was set up in 1990 and listed the following day.").Should().NotContain(t => t.Text == "the following day");
}

/// <summary>"that year", "later that day": the unit of the date named before; nothing without one, and no "that" clause.</summary>
public class TimeDemonstrativeTests
{
    [Theory]
    [InlineData("He fled abroad in June 2019 and came back later that year.", "later that year", "2019")]
    [InlineData("The ferry sank on March 3, 2021. Earlier that day, the storm warning was lifted.", "Earlier that day", "2021-03-03")]
    [InlineData("Imports peaked in 2015, when steel made up a third of imports in that year.", "that year", "2015")]
    [InlineData("Prices fell on June 4, 2018, and on that day the bank cut rates.", "that day", "2018-06-04")]
    [InlineData("Sales fell in the second quarter of 2018, and costs rose in that same quarter.", "that same quarter", "2018-Q2")]
    public void TakesTheUnitOfTheNamedDate(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // No date named before: nothing to point at.
    [InlineData("Nobody who lived through that day will forget it.")]
    // "that" opens a clause after a verb, whether or not it reports speech, or after "so".
    [InlineData("On May 2, 2019, she said that day care costs had doubled.")]
    [InlineData("On Jan. 5, 2020, the report found that day care costs had doubled.")]
    [InlineData("On Jan. 5, 2020, the exchange announced that day trading would be curbed.")]
    [InlineData("On May 2, 2019, the club trained hard, so that week after week it won.")]
    // A glued word is no unit.
    [InlineData("On May 2, 2019, he said he hated that day-to-day work.")]
    public void LeavesThatAloneWithoutANamedDate(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.Contains("that", StringComparison.OrdinalIgnoreCase));

    [Fact]
    // A year names no day, so "that day" after a bare year is left out.
    public void NeedsANamedDateAsFineAsTheUnit() =>
        TimesOf.Read("The merger closed in 1998, and shares doubled that day.").Should().NotContain(t => t.Text.Contains("that"));
}
