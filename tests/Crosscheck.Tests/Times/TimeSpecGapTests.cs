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
