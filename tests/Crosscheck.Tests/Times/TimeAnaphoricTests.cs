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
    // The date named last is this year, so "the previous year" is the last one.
    [InlineData("The bank was founded in 1990. Profit fell this year from the previous year.", "the previous year", "2023")]
    // "next" and "last" keep counting from the publication, whatever the text named before.
    [InlineData("The law passed in 1998. Elections are due next year.", "next year", "2025")]
    public void KeepsThePublicationAnchorOtherwise(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    // A year names no day, so "the following day" falls back to the publication day.
    public void NeedsANamedDateAsFineAsTheUnit() =>
        TimesOf.Read("The firm was set up in 1990 and listed the following day.").Should().Contain(("the following day", "2024-12-17"));
}
